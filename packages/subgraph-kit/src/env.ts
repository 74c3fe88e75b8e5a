import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@bazaar/auth";
import { z } from "zod";

export { envFlag, parseEnv } from "@bazaar/config";

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
