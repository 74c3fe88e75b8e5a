import type { IncomingMessage } from "node:http";
import { randomUUID } from "node:crypto";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { apolloHandler, type Route, type RunningHttpServer, sendJson, startHttpServer } from "@bazaar/http";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { ErrorCode } from "./errors";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  context: (req: IncomingMessage, requestId: string) => Promise<TContext> | TContext;
  /** Extra HTTP routes beside /graphql and /healthz, e.g. webhooks. */
  routes?: Route[];
  production?: boolean;
  bodyLimitBytes?: number;
  onStop?: () => Promise<void>;
}

export type { RunningHttpServer as RunningServer } from "@bazaar/http";

export interface SubgraphServer {
  name: string;
  listen(port: number, host?: string): Promise<RunningHttpServer>;
}

/** Errors with a known code pass through; anything else is an internal error whose details stay in the log. */
export function maskUnexpectedErrors(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (production && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
      console.error(JSON.stringify({ level: "error", msg: "unexpected resolver error", error: String(error) }));
      return { message: "Internal server error", path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return formatted;
  };
}

export function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const production = options.production ?? process.env.NODE_ENV === "production";
  return {
    name: options.name,
    async listen(port, host) {
      const apollo = new ApolloServer<TContext>({
        schema: options.schema,
        // The router fetches `_service { sdl }` and plans against it; clients never reach a subgraph directly.
        introspection: true,
        csrfPrevention: true,
        includeStacktraceInErrorResponses: !production,
        status400ForVariableCoercionErrors: true,
        formatError: maskUnexpectedErrors(production),
        plugins: [ApolloServerPluginLandingPageDisabled()],
      });
      await apollo.start();
      const graphql = apolloHandler(apollo, {
        bodyLimitBytes: options.bodyLimitBytes ?? 1_000_000,
        context: async (req) => options.context(req, String(req.headers["x-request-id"] ?? randomUUID())),
      });
      return startHttpServer({
        port,
        host,
        routes: [
          { method: "*", path: "/graphql", handler: graphql },
          { method: "GET", path: "/healthz", handler: (_req, res) => sendJson(res, 200, { status: "ok", service: options.name }) },
          ...(options.routes ?? []),
        ],
        onStop: async () => {
          await apollo.stop();
          await options.onStop?.();
        },
        onError: (error) => console.error(JSON.stringify({ level: "error", service: options.name, error: String(error) })),
      });
    },
  };
}
