import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerOptions } from "@apollo/server";
import { AuthorizationSource } from "../clients/authorization/authorization-source";
import { AuthorizingGateway } from "../clients/authorization/authorizing-gateway";
import { ClientIdentifier } from "../clients/identity";
import { OperationManifest } from "../clients/persisted-manifest";
import { InMemoryRateLimitStore, type RateLimitStore } from "../clients/rate-limiter";
import { Safelist } from "../clients/safelist";
import type { RouterContext } from "../context";
import { type ProtectionConfig, type ProtectionConfigInput, resolveProtectionConfig } from "./config";
import { OperationGuard } from "./operation-guard";
import { protectionPlugin } from "./plugin";
import { formatRouterError } from "./request-errors";

export interface ProtectionDeps {
  production: boolean;
  /** Milliseconds since the epoch; tests pass a fake clock to cross rate-limit windows instantly. */
  now?: () => number;
  /** Defaults to in-memory buckets (one router instance); see RateLimitStore for several. */
  rateLimitStore?: RateLimitStore;
}

/** Everything the router's protection adds, built once per router from one validated config. */
export interface Protection {
  config: ProtectionConfig;
  guard: OperationGuard;
  identifier: ClientIdentifier;
  safelist: Safelist;
  /** Pass every supergraph text through `authorization.prepare` before the gateway loads it. */
  authorization: AuthorizationSource;
  /** The ApolloServer options protection owns; spread them into the constructor's options. */
  apolloOptions: Pick<
    ApolloServerOptions<RouterContext>,
    "introspection" | "parseOptions" | "persistedQueries" | "allowBatchedHttpRequests" | "formatError"
  >;
  plugin: ReturnType<typeof protectionPlugin>;
  /** The gateway as Apollo Server should see it: with router-side field authorization. */
  wrapGateway(gateway: ApolloGateway): AuthorizingGateway;
}

export async function createProtection(input: ProtectionConfigInput, deps: ProtectionDeps): Promise<Protection> {
  const config = resolveProtectionConfig(input);
  const manifest = config.safelist.enabled ? await OperationManifest.load(config.safelist.manifestPath) : undefined;
  const safelist = new Safelist(manifest, config.safelist);
  const identifier = new ClientIdentifier(config);
  const guard = new OperationGuard({
    config,
    production: deps.production,
    safelist,
    store: deps.rateLimitStore ?? new InMemoryRateLimitStore(config.rateLimit.maxClients),
    now: deps.now ?? Date.now,
  });
  const authorization = new AuthorizationSource();
  return {
    config,
    guard,
    identifier,
    safelist,
    authorization,
    apolloOptions: {
      // Decided per request by the guard (analysts and development may introspect).
      introspection: true,
      parseOptions: { maxTokens: config.limits.maxTokens },
      persistedQueries: config.persistedQueries.enabled ? {} : false,
      allowBatchedHttpRequests: false,
      formatError: formatRouterError(deps.production),
    },
    plugin: protectionPlugin({ guard, identifier, safelist }),
    wrapGateway: (gateway) => new AuthorizingGateway(gateway, authorization),
  };
}

export type { ProtectionConfig, ProtectionConfigInput } from "./config";
export { protectionConfigFromEnv } from "./config-env";
