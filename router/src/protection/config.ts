import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where `scripts/persisted-manifest.ts` writes the client's operations by default. */
export const defaultManifestPath = fileURLToPath(
  new URL("../../../client/persisted-query-manifest.json", import.meta.url),
);

const positive = z.number().int().min(1);
const weight = z.number().int().min(0).max(1_000_000);
/** "Type" (every field returning it) or "Type.field". */
const weightKey = z.string().regex(/^[_A-Za-z]\w*(\.[_A-Za-z]\w*)?$/, 'expected "Type" or "Type.field"');

export const partnerKeySchema = z.object({
  /** Shown in logs and used as the rate-limit bucket. */
  name: z.string().min(1).max(64),
  /** Lower-case hex SHA-256 of the key; the key itself is never stored. */
  keySha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "expected 64 hex characters")
    .transform((hash) => hash.toLowerCase()),
  /** Cost units per rate-limit window. */
  quota: positive,
});

/**
 * Every limit the router enforces, with its default. Documented in docs/router-protection.md;
 * `protectionConfigFromEnv` maps ROUTER_* variables onto it.
 */
export const protectionConfigSchema = z.object({
  limits: z
    .object({
      maxDepth: positive.default(12),
      maxAliases: z.number().int().min(0).default(15),
      maxRootFields: positive.default(10),
      maxTokens: positive.default(2_000),
      maxCost: positive.default(5_000),
      /** Measured after decompression. */
      maxBodyBytes: positive.default(100 * 1024),
      /** `__schema`/`__type` subtrees count here instead of maxDepth (graphql-js's getIntrospectionQuery is 15 deep). */
      maxIntrospectionDepth: positive.default(16),
    })
    .prefault({}),
  cost: z
    .object({
      /** Weight of a field returning an object, interface or union. */
      objectFieldWeight: weight.default(1),
      /** Weight of a field returning a scalar or enum. */
      scalarFieldWeight: weight.default(0),
      /** Multiplier of a list field without a `first`/`last` argument or default. */
      defaultListSize: z.number().int().min(0).max(100_000).default(10),
      /** Overrides: "Type" weighs every field returning that type, "Type.field" one field (wins). */
      weights: z.record(weightKey, weight).default({}),
    })
    .prefault({}),
  rateLimit: z
    .object({
      enabled: z.boolean().default(true),
      windowMs: positive.default(60_000),
      /** Cost units per window for a client address without a token or API key. */
      anonymousQuota: positive.default(20_000),
      /** Cost units per window for a signed-in user. */
      userQuota: positive.default(40_000),
      /** Buckets kept in memory before idle ones are dropped. */
      maxClients: positive.default(100_000),
    })
    .prefault({}),
  partners: z.array(partnerKeySchema).default([]),
  safelist: z
    .object({
      enabled: z.boolean().default(false),
      manifestPath: z.string().min(1).default(defaultManifestPath),
      /** `apollographql-client-name` values of Bazaar's own apps. */
      firstPartyClients: z.array(z.string().min(1)).default(["bazaar-web", "bazaar-ios", "bazaar-android"]),
      /** When true, clients that are neither first-party nor partners may send any operation. */
      allowUnlistedClients: z.boolean().default(false),
    })
    .prefault({}),
  persistedQueries: z
    .object({
      /** Automatic persisted queries (hash first, register on PERSISTED_QUERY_NOT_FOUND). */
      enabled: z.boolean().default(true),
    })
    .prefault({}),
});

export type ProtectionConfig = z.output<typeof protectionConfigSchema>;
/** What callers pass: every field optional, defaults fill the rest. */
export type ProtectionConfigInput = z.input<typeof protectionConfigSchema>;
export type PartnerKey = z.output<typeof partnerKeySchema>;

/** Validates and completes a configuration; throws one readable message listing every problem. */
export function resolveProtectionConfig(input: ProtectionConfigInput = {}): ProtectionConfig {
  const result = protectionConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`Invalid router protection configuration:\n${problems.join("\n")}`);
}
