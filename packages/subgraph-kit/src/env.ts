import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@bazaar/auth";
import { z } from "zod";

/**
 * Parses configuration from the environment once, at start-up, and stops the process with
 * one readable message listing every invalid variable.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
}

/** Common variables every subgraph reads. */
export const subgraphEnvShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the users service publishes its signing keys. */
  AUTH_JWKS_URL: z.string().url().default("http://127.0.0.1:4001/.well-known/jwks.json"),
  AUTH_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
  /** Shared secret between router and subgraphs; required in production. */
  SERVICE_TOKEN: z.string().min(32).optional(),
};
