import "./telemetry-off";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { RouterContext } from "./context";
import { createKeepAliveFetcher } from "./fetcher";
import { createDataSourceFactory } from "./subgraph-data-source";
import { gatewayCompatibleSupergraph } from "./supergraph";

export interface StartedGateway {
  apollo: ApolloServer<RouterContext>;
  stop(): Promise<void>;
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
}

export async function startGateway(supergraphSdl: string, options: GatewayOptions): Promise<StartedGateway> {
  const { overrides, production } = options;
  const pool = createKeepAliveFetcher();
  const served = new Set<string>();
  const dataSource = createDataSourceFactory(pool.fetcher, overrides, options.serviceToken);
  const gateway = new ApolloGateway({
    supergraphSdl: gatewayCompatibleSupergraph(supergraphSdl).sdl,
    buildService: (definition) => {
      served.add(definition.name);
      return dataSource(definition);
    },
  });
  const apollo = new ApolloServer<RouterContext>({
    // @apollo/gateway 2.14 declares server-gateway-interface 1.x and @apollo/server 5 wants 2.x;
    // the two declare the same GatewayInterface, so no cast is needed.
    gateway,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Whoever embeds the router owns shutdown (router/src/index.ts, scripts/start.ts); Apollo's own
    // SIGINT handler would stop the gateway under a running http server and re-raise the signal.
    stopOnTerminationSignals: false,
    // The default landing page loads Apollo Sandbox from a CDN; there is no network here.
    plugins: [ApolloServerPluginLandingPageDisabled(), requestIdHeader],
  });
  const stop = async () => {
    await apollo.stop();
    pool.close();
  };
  await apollo.start().catch((error: unknown) => {
    pool.close();
    throw error;
  });
  // A misspelt override would otherwise be ignored silently and the router would call the wrong place.
  const unknown = Object.keys(overrides).filter((name) => !served.has(name));
  if (unknown.length > 0) {
    await stop();
    throw new Error(`No subgraph named ${unknown.join(", ")} in the supergraph (it has ${[...served].join(", ")})`);
  }
  return { apollo, stop };
}
