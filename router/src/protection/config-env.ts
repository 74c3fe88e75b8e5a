import { envFlag as flag } from "@bazaar/config";
import { z } from "zod";
import { type ProtectionConfig, type ProtectionConfigInput, resolveProtectionConfig } from "./config";

const int = z.coerce.number().int();
const json = (what: string) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: `expected JSON (${what})` });
      return z.NEVER;
    }
  });
const list = z.string().transform((text) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

/** The ROUTER_* variables; each optional, unset means the default in config.ts. */
const envSchema = z.object({
  ROUTER_MAX_DEPTH: int.optional(),
  ROUTER_MAX_ALIASES: int.optional(),
  ROUTER_MAX_ROOT_FIELDS: int.optional(),
  ROUTER_MAX_TOKENS: int.optional(),
  ROUTER_MAX_COST: int.optional(),
  ROUTER_MAX_BODY_BYTES: int.optional(),
  ROUTER_MAX_INTROSPECTION_DEPTH: int.optional(),
  ROUTER_COST_DEFAULT_LIST_SIZE: int.optional(),
  ROUTER_COST_WEIGHTS: json('{"Type": n, "Type.field": n}').optional(),
  ROUTER_RATE_LIMIT: flag.optional(),
  ROUTER_RATE_LIMIT_WINDOW_MS: int.optional(),
  ROUTER_RATE_LIMIT_ANONYMOUS: int.optional(),
  ROUTER_RATE_LIMIT_USER: int.optional(),
  ROUTER_PARTNER_KEYS: json('[{"name", "keySha256", "quota"}]').optional(),
  ROUTER_SAFELIST: flag.optional(),
  ROUTER_SAFELIST_MANIFEST: z.string().min(1).optional(),
  ROUTER_FIRST_PARTY_CLIENTS: list.optional(),
  ROUTER_SAFELIST_ALLOW_UNLISTED_CLIENTS: flag.optional(),
  ROUTER_APQ: flag.optional(),
});

/** Drops undefined leaves, so an unset variable leaves the default in place. */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Maps ROUTER_* environment variables onto the protection configuration and validates it. */
export function protectionConfigFromEnv(source: NodeJS.ProcessEnv): ProtectionConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  const input: ProtectionConfigInput = {
    limits: defined({
      maxDepth: env.ROUTER_MAX_DEPTH,
      maxAliases: env.ROUTER_MAX_ALIASES,
      maxRootFields: env.ROUTER_MAX_ROOT_FIELDS,
      maxTokens: env.ROUTER_MAX_TOKENS,
      maxCost: env.ROUTER_MAX_COST,
      maxBodyBytes: env.ROUTER_MAX_BODY_BYTES,
      maxIntrospectionDepth: env.ROUTER_MAX_INTROSPECTION_DEPTH,
    }),
    cost: defined({
      defaultListSize: env.ROUTER_COST_DEFAULT_LIST_SIZE,
      weights: env.ROUTER_COST_WEIGHTS as Record<string, number> | undefined,
    }),
    rateLimit: defined({
      enabled: env.ROUTER_RATE_LIMIT,
      windowMs: env.ROUTER_RATE_LIMIT_WINDOW_MS,
      anonymousQuota: env.ROUTER_RATE_LIMIT_ANONYMOUS,
      userQuota: env.ROUTER_RATE_LIMIT_USER,
    }),
    ...(env.ROUTER_PARTNER_KEYS !== undefined
      ? { partners: env.ROUTER_PARTNER_KEYS as ProtectionConfigInput["partners"] }
      : {}),
    safelist: defined({
      enabled: env.ROUTER_SAFELIST,
      manifestPath: env.ROUTER_SAFELIST_MANIFEST,
      firstPartyClients: env.ROUTER_FIRST_PARTY_CLIENTS,
      allowUnlistedClients: env.ROUTER_SAFELIST_ALLOW_UNLISTED_CLIENTS,
    }),
    persistedQueries: defined({ enabled: env.ROUTER_APQ }),
  };
  return resolveProtectionConfig(input);
}
