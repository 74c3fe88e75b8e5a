import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type AccessTokenVerifier, bearerToken, InvalidTokenError, type Viewer } from "@bazaar/auth";
import { ApolloServer, type BaseContext } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { Database } from "@bazaar/drizzle";
import type { Bus } from "@bazaar/events";
import { apolloHandler, type Route, type RunningHttpServer, sendJson, startHttpServer } from "@bazaar/http";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { ErrorCode } from "./errors";
import { type SubscriptionSettings, serveSubscriptions } from "./subscriptions";

/** Header carrying the shared service credential between router and subgraphs. */
export const SERVICE_TOKEN_HEADER = "x-bazaar-service-token";

/** What every subgraph's `createServer` receives. */
export interface SubgraphDeps {
  db: Database;
  production?: boolean | undefined;
  /** Verifies the forwarded `Authorization: Bearer` token again; without it every request is anonymous. */
  verifyToken?: AccessTokenVerifier | undefined;
  /**
   * Shared credential the router and other subgraphs send; when set, requests without it are refused,
   * so nothing but the graph's own services can call this subgraph.
   */
  serviceToken?: string | undefined;
  /**
   * The event bus. A subgraph that consumes events (durable consumer groups) or fans them out to
   * its graphql-ws subscribers (per-process listeners) subscribes when it starts listening and
   * unsubscribes when it stops. Relays, which publish outboxes onto the bus, are started by the
   * host process (packages/stack, runSubgraph) once every consumer is subscribed.
   */
  bus?: Bus | undefined;
}

export interface SubgraphServerOptions<TContext extends BaseContext> extends Omit<SubgraphDeps, "db" | "bus"> {
  name: string;
  schema: GraphQLSchema;
  context: (req: IncomingMessage, requestId: string, viewer: Viewer | null) => Promise<TContext> | TContext;
  /** Extra HTTP routes beside /graphql and /healthz, e.g. webhooks. */
  routes?: Route[];
  bodyLimitBytes?: number;
  onStop?: () => Promise<void>;
  /**
   * Also serve graphql-ws on `/graphql` (the schema's `Subscription` fields, for the router), with
   * identity from `connection_init` verified like the HTTP headers. Off by default.
   */
  subscriptions?: boolean | SubscriptionSettings;
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
        // The process owner (runSubgraph, the all-in-one) decides when to stop, in order.
        stopOnTerminationSignals: false,
        includeStacktraceInErrorResponses: !production,
        formatError: maskUnexpectedErrors(production),
        // No Apollo Studio here: per-field inline traces would only cost time on every request.
        plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
      });
      await apollo.start();
      const graphql = apolloHandler(apollo, {
        bodyLimitBytes: options.bodyLimitBytes ?? 1_000_000,
        context: async (req) => {
          assertServiceCaller(req, options.serviceToken);
          const viewer = await authenticate(req, options.verifyToken);
          return options.context(req, String(req.headers["x-request-id"] ?? randomUUID()), viewer);
        },
      });
      const running = await startHttpServer({
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
      if (!options.subscriptions) return running;
      const subscriptions = serveSubscriptions(running.server, {
        ...(options.subscriptions === true ? {} : options.subscriptions),
        schema: options.schema,
        production,
        verifyToken: options.verifyToken,
        serviceToken: options.serviceToken,
        context: options.context,
        formatError: maskUnexpectedErrors(production),
      });
      // Upgraded sockets keep the HTTP server from closing: end them first.
      return { ...running, stop: () => subscriptions.close().then(running.stop) };
    },
  };
}

function httpError(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

function assertServiceCaller(req: IncomingMessage, expected: string | undefined): void {
  if (!expected) return;
  const presented = Buffer.from(String(req.headers[SERVICE_TOKEN_HEADER] ?? ""));
  const wanted = Buffer.from(expected);
  if (presented.length !== wanted.length || !timingSafeEqual(presented, wanted)) {
    throw httpError("Only Bazaar services may call a subgraph", ErrorCode.UNAUTHENTICATED, 401);
  }
}

async function authenticate(req: IncomingMessage, verify: AccessTokenVerifier | undefined): Promise<Viewer | null> {
  try {
    const token = bearerToken(req.headers.authorization);
    if (!token) return null;
    if (!verify) throw new InvalidTokenError("this subgraph has no token verifier");
    return await verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw httpError(error.message, ErrorCode.UNAUTHENTICATED, 401);
    throw error;
  }
}
