import { fileURLToPath } from "node:url";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@bazaar/auth";
import { envFlag as flag, parseEnv } from "@bazaar/config";
import { z } from "zod";
import { protectionConfigFromEnv } from "./protection/config-env";

/** The committed supergraph, relative to this file so the router starts from any working directory. */
export const defaultSupergraphPath = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

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

const SUBGRAPH_TIMEOUT_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;

/** `SUBGRAPH_CATALOG_TIMEOUT_MS=2000` → `{ catalog: 2000 }`: per-subgraph fetch timeouts. */
export function subgraphTimeoutOverrides(source: NodeJS.ProcessEnv = process.env): Record<string, number> {
  const variables = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => SUBGRAPH_TIMEOUT_VARIABLE.test(key) && value),
  );
  const shape = Object.fromEntries(Object.keys(variables).map((key) => [key, z.coerce.number().int().min(1)]));
  const timeouts = parseEnv(z.object(shape), variables);
  return Object.fromEntries(
    Object.entries(timeouts).map(([key, ms]) => [SUBGRAPH_TIMEOUT_VARIABLE.exec(key)?.[1]?.toLowerCase() ?? key, ms]),
  );
}


/** Operations settings: logs, GraphiQL, supergraph reloads, timeouts, cluster workers. */
const operationsShape = {
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** GraphiQL at /graphql for browsers; unset → on in development, off in production. */
  GRAPHIQL: flag.optional(),
  /** Reload the supergraph file when it changes. */
  SUPERGRAPH_WATCH: flag.default(true),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),
  SUBGRAPH_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1_024).default(10 * 1024 * 1024),
  /** Router processes sharing the port (node:cluster); "auto" is one per core. */
  ROUTER_WORKERS: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(256)]).default(1),
};

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
      ...operationsShape,
    }).refine((env) => env.NODE_ENV !== "production" || env.SERVICE_TOKEN, {
      message: "SERVICE_TOKEN (32+ characters, shared with the subgraphs) is required in production",
      path: ["SERVICE_TOKEN"],
    }),
    source,
  ),
  subgraphUrls: subgraphUrlOverrides(source),
  subgraphTimeouts: subgraphTimeoutOverrides(source),
  /** ROUTER_MAX_*, ROUTER_RATE_LIMIT_*, ROUTER_PARTNER_KEYS, ROUTER_SAFELIST*, ROUTER_APQ (docs/router-protection.md). */
  protection: protectionConfigFromEnv(source),
});

/**
 * Command-line arguments of the router entry point: `--supergraph <path>` (or `--supergraph=<path>`),
 * as Apollo Router takes it; it wins over SUPERGRAPH_PATH.
 */
export function parseArguments(argv: string[]): { supergraphPath?: string } {
  const [flag, value, ...rest] = argv;
  if (flag === undefined) return {};
  if (flag.startsWith("--supergraph=") && value === undefined) return { supergraphPath: flag.slice(13) || usage() };
  if (flag === "--supergraph" && value && rest.length === 0) return { supergraphPath: value };
  return usage();
}

function usage(): never {
  throw new Error("usage: router [--supergraph <path to a supergraph SDL file>]");
}
