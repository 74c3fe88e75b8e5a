import { fileURLToPath } from "node:url";
import { type KeyRing, keyRingFromPrivateJwks, loadOrCreateKeyRing } from "@bazaar/auth";
import { parseEnv, subgraphEnvShape } from "@bazaar/subgraph-kit";
import { z } from "zod";

/** Embedded default: keys generated on first start and kept (mode 0600) beside the PGlite data. */
export const DEFAULT_KEYS_FILE = fileURLToPath(new URL("../../../.data/keys/signing-keys.json", import.meta.url));

const signingKeys = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      // The value is secret: say what is wrong with it, never echo it.
      ctx.addIssue({ code: "custom", message: 'must be JSON: {"keys": [private JWK, ...]}' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1, "needs at least one key") }));

const usersEnv = z
  .object({
    ...subgraphEnvShape,
    /** `{"keys":[…private JWKs…]}`; the first signs, all are published (rotation). */
    AUTH_SIGNING_KEYS: signingKeys.optional(),
    /** Where the key ring is kept when AUTH_SIGNING_KEYS is not set. */
    AUTH_KEYS_FILE: z.string().min(1).optional(),
    /** catalog's GraphQL endpoint, for wishlist product checks. */
    CATALOG_URL: z.string().url().optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.AUTH_SIGNING_KEYS || env.AUTH_KEYS_FILE, {
    message: "AUTH_SIGNING_KEYS (or an explicit AUTH_KEYS_FILE) is required in production",
    path: ["AUTH_SIGNING_KEYS"],
  });

type PrivateJwks = Parameters<typeof keyRingFromPrivateJwks>[0];

export interface UsersConfig {
  keyRing: KeyRing;
  tokenConfig: { issuer: string; audience: string };
  catalogUrl: string | undefined;
}

/** What users needs beyond the common subgraph settings, read once at start-up. */
export async function loadUsersConfig(source: NodeJS.ProcessEnv = process.env): Promise<UsersConfig> {
  const env = parseEnv(usersEnv, source);
  const keyRing = env.AUTH_SIGNING_KEYS
    ? await keyRingFromPrivateJwks(env.AUTH_SIGNING_KEYS.keys as PrivateJwks)
    : await loadOrCreateKeyRing(env.AUTH_KEYS_FILE ?? DEFAULT_KEYS_FILE);
  return {
    keyRing,
    tokenConfig: { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE },
    catalogUrl: env.CATALOG_URL,
  };
}
