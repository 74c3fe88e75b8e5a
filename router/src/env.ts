import { fileURLToPath } from "node:url";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@bazaar/auth";
import { z } from "zod";

/** The committed supergraph, relative to this file so the router starts from any working directory. */
export const defaultSupergraphPath = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

/**
 * Parses configuration once, at start-up, and fails with one readable message listing every
 * invalid variable. A copy of subgraph-kit's `parseEnv`: the router must not depend on subgraph-kit.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
}

const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

/** `SUBGRAPH_CATALOG_URL=...` → `{ catalog: "..." }`; names match the supergraph's join__Graph names. */
export function subgraphUrlOverrides(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const variables = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => SUBGRAPH_URL_VARIABLE.test(key) && value),
  );
  const shape = Object.fromEntries(Object.keys(variables).map((key) => [key, z.url({ protocol: /^https?$/ })]));
  const urls = parseEnv(z.object(shape), variables);
  return Object.fromEntries(
    Object.entries(urls).map(([key, url]) => [SUBGRAPH_URL_VARIABLE.exec(key)?.[1]?.toLowerCase() ?? key, url]),
  );
}

export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => ({
  ...parseEnv(
    z.object({
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      HOST: z.string().default("127.0.0.1"),
      PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
      /** users' published keys; the router verifies every bearer token against them. */
      AUTH_JWKS_URL: z.string().url().default("http://127.0.0.1:4001/.well-known/jwks.json"),
      AUTH_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
      AUTH_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
      /** Shared with the subgraphs; required in production. */
      SERVICE_TOKEN: z.string().min(32).optional(),
    }).refine((env) => env.NODE_ENV !== "production" || env.SERVICE_TOKEN, {
      message: "SERVICE_TOKEN (32+ characters, shared with the subgraphs) is required in production",
      path: ["SERVICE_TOKEN"],
    }),
    source,
  ),
  subgraphUrls: subgraphUrlOverrides(source),
});
