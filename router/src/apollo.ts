import "./telemetry-off";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { RouterContext } from "./context";
import { createSubgraphTransport } from "./fetcher";
import { createLogger, type Logger, observabilityPlugin, type RouterMetrics } from "./observability";
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ResilienceOptions,
  requestDeadlinePlugin, subgraphEndpoints, supergraphSource } from "./resilience";
import type { Protection } from "./protection";
import { createDataSourceFactory } from "./subgraph-data-source";
import { gatewayCompatibleSupergraph } from "./supergraph";

export interface StartedGateway {
  apollo: ApolloServer<RouterContext>;
  stop(): Promise<void>;
  /** Subgraph name → URL of the supergraph being served (overrides applied); follows reloads. */
  endpoints(): Record<string, string>;
  /** The API schema and the supergraph SDL the gateway last loaded; follows reloads (subscriptions plan on it). */
  loadedSupergraph(): LoadedSupergraph | undefined;
  /** Builds data sources like the gateway's own: same keep-alive pool, service token, timeouts and size cap. */
  dataSource: ReturnType<typeof createDataSourceFactory>;
}

export interface LoadedSupergraph {
  /** The API schema operations are validated against. */
  apiSchema: GraphQLSchema;
  /** The supergraph as the gateway loaded it (without the features it cannot load). */
  coreSupergraphSdl: string;
}

/** Echoes the request id to the client, so a bug report can quote the id found in every log. */
const requestIdHeader: ApolloServerPlugin<RouterContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set("x-request-id", contextValue.requestId);
      },
    };
  },
};

/**
 * Apollo Server over an ApolloGateway that plans against a fixed supergraph and reaches each
 * subgraph through one keep-alive pool. Resolves once the gateway has loaded the supergraph.
 */
export interface GatewayOptions {
  overrides: Record<string, string>;
  production: boolean;
  serviceToken?: string | undefined;
  /** The supergraph file; reloaded on change when `watchSupergraph` is set. */
  supergraphPath: string;
  /** A fixed SDL instead of the file (never reloaded). */
  supergraphSdl?: string | undefined;
  watchSupergraph?: boolean;
  logger?: Logger;
  metrics?: RouterMetrics;
  resilience?: ResilienceOptions;
  /** Operation limits, safelist, rate limits, router-side @authenticated (router/src/protection). */
  protection?: Protection;
}

export async function startGateway(options: GatewayOptions): Promise<StartedGateway> {
  const { overrides, production } = options;
  const logger = options.logger ?? createLogger({ level: "silent" });
  const resilience = options.resilience ?? {};
  const pool = createSubgraphTransport();
  let endpoints: Record<string, string> = {};
  const dataSource = createDataSourceFactory(pool, overrides, options.serviceToken, {
    ...resilience,
    metrics: options.metrics,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSource({
      sdl: options.supergraphSdl,
      path: options.supergraphPath,
      watch: options.watchSupergraph ?? false,
      // An override naming a subgraph the supergraph lacks would otherwise be ignored silently.
      prepare: (text) => {
        subgraphEndpoints(text, overrides);
        // protection reads @authenticated/@requiresScopes before they are stripped for the gateway.
        return options.protection?.authorization.prepare(text) ?? gatewayCompatibleSupergraph(text).sdl;
      },
      onLoad: (text) => {
        endpoints = subgraphEndpoints(text, overrides);
      },
      logger,
      metrics: options.metrics,
    }),
    buildService: dataSource,
    logger,
  });
  let loaded: LoadedSupergraph | undefined;
  gateway.onSchemaLoadOrUpdate((schema) => {
    loaded = schema;
  });
  const apollo = new ApolloServer<RouterContext>({
    // @apollo/gateway 2.14 declares server-gateway-interface 1.x and @apollo/server 5 wants 2.x;
    // the two declare the same GatewayInterface, so no cast is needed.
    gateway: options.protection?.wrapGateway(gateway) ?? gateway,
    introspection: !production,
    ...options.protection?.apolloOptions,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Whoever embeds the router owns shutdown (router/src/index.ts, scripts/start.ts); Apollo's own
    // SIGINT handler would stop the gateway under a running http server and re-raise the signal.
    stopOnTerminationSignals: false,
    // The default landing page loads Apollo Sandbox from a CDN; there is no network here.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      requestIdHeader,
      observabilityPlugin<RouterContext>(),
      requestDeadlinePlugin<RouterContext>(resilience.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      ...(options.protection ? [options.protection.plugin] : []),
    ],
  });
  const stop = async () => {
    await apollo.stop();
    await pool.close();
  };
  await apollo.start().catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  return { apollo, stop, endpoints: () => endpoints, loadedSupergraph: () => loaded, dataSource };
}
