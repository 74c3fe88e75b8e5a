import type { AccessTokenVerifier } from "@bazaar/auth";
import { apolloHandler, type RunningHttpServer, sendJson, startHttpServer } from "@bazaar/http";
import { startGateway } from "./apollo";
import { createContext } from "./context";
import { defaultSupergraphPath } from "./env";
import { loadGraphiql, withGraphiql } from "./graphiql";
import { jwksRoute } from "./jwks-route";
import { STRIPE_WEBHOOK_PATH, stripeWebhookProxy } from "./stripe-webhook-route";
import { cartTokenOf } from "./subgraph-data-source";
import {
  createLogger,
  createRouterMetrics,
  type Logger,
  type MetricsSource,
  metricsRoute,
  observeRequests,
  recordingContext,
  type RouterMetrics,
  registrySource,
} from "./observability";
import type { RateLimitStore } from "./clients/rate-limiter";
import { createProtection, type ProtectionConfigInput } from "./protection";
import { type ResilienceOptions, readinessRoute } from "./resilience";
import { attachSubscriptions, resolveSubscriptionOptions, type SubscriptionOptions } from "./subscriptions";

/** For embedders that run the router as router/src/index.ts does (e.g. scripts/bench). */
export { createLogger, createRouterMetrics } from "./observability";
/** The supergraph as the router's internal gateway loads it (authorization directives removed). */
export { gatewayCompatibleSupergraph } from "./supergraph";

export interface RouterOptions {
  /** The supergraph SDL itself; wins over `supergraphPath`. */
  supergraphSdl?: string;
  /** Defaults to the committed schema/supergraph.graphql. */
  supergraphPath?: string;
  /** Subgraph name → GraphQL endpoint, replacing the supergraph's join__graph url. */
  subgraphUrls?: Record<string, string>;
  /** Introspection, suggestions and stack traces off. Defaults to NODE_ENV === "production". */
  production?: boolean;
  /** Maximum request body after decompression; default `protection.limits.maxBodyBytes` (100 KiB). */
  bodyLimitBytes?: number;
  /** Limits, cost weights, rate limits, partner keys, safelist, APQ; see docs/router-protection.md. */
  protection?: ProtectionConfigInput;
  /** Clock of the rate limiter, in ms; tests inject one to cross windows without waiting. */
  clock?: () => number;
  /** Rate-limit buckets; default in memory (exact for one process only). */
  rateLimitStore?: RateLimitStore;
  /** Verifies client access tokens (pinned algorithm, issuer, audience, expiry, type). */
  verifyToken: AccessTokenVerifier;
  /** users' JWKS, republished at the router's `/.well-known/jwks.json`. */
  jwksUrl: string;
  /** Shared credential sent to every subgraph; subgraphs in production refuse calls without it. */
  serviceToken?: string | undefined;
  /** Reload `supergraphPath` when the file changes (index.ts turns it on; default off). */
  watchSupergraph?: boolean;
  /** Structured logs; default a silent logger (tests), index.ts passes a real one. */
  logger?: Logger;
  /** Metrics registry; default a fresh one per router. */
  metrics?: RouterMetrics;
  /** What /metrics serves; default this router's registry (a cluster worker serves every worker's). */
  metricsSource?: MetricsSource;
  /** GraphiQL at GET /graphql for browsers. Defaults to on in development, off in production. */
  graphiql?: boolean;
  /** Subgraph and request timeouts, subgraph response size cap. */
  resilience?: ResilienceOptions;
  /** graphql-ws on /graphql: init timeout, subscriptions per socket, message and buffer caps. */
  subscriptions?: SubscriptionOptions;
}

export interface Router {
  /** Loads the supergraph and serves `/graphql` and `/healthz`; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningHttpServer>;
}

export function createRouter(options: RouterOptions): Router {
  const production = options.production ?? process.env.NODE_ENV === "production";
  // Checked now, so a bad value fails here and not after the port is bound.
  const subscriptionOptions = resolveSubscriptionOptions(options.subscriptions);
  return {
    async listen(port, host) {
      const logger = options.logger ?? createLogger({ level: "silent" });
      const metrics = options.metrics ?? createRouterMetrics();
      // Built (once per checkout) before anything listens, so a failed build stops the start.
      const graphiql = (options.graphiql ?? !production) ? await loadGraphiql() : undefined;
      const protection = await createProtection(options.protection ?? {}, {
        production,
        now: options.clock,
        rateLimitStore: options.rateLimitStore,
      });
      const gateway = await startGateway({
        overrides: options.subgraphUrls ?? {},
        production,
        serviceToken: options.serviceToken,
        supergraphSdl: options.supergraphSdl,
        supergraphPath: options.supergraphPath ?? defaultSupergraphPath,
        watchSupergraph: options.watchSupergraph,
        logger,
        metrics,
        resilience: options.resilience,
        protection,
      });
      const apollo = apolloHandler(gateway.apollo, {
        bodyLimitBytes: options.bodyLimitBytes ?? protection.config.limits.maxBodyBytes,
        // A guest's cart token rides along to the subgraphs (orders reads it); see subgraph-data-source.ts.
        context: recordingContext(async (req) => ({
          ...(await createContext(req, options.verifyToken)),
          cartToken: cartTokenOf(req),
        })),
      });
      const observed = observeRequests(apollo, logger, metrics);
      const graphql = graphiql ? withGraphiql(graphiql, observed) : observed;
      try {
        const running = await startHttpServer({
          port,
          host,
          routes: [
            { method: "*", path: "/graphql", handler: graphql },
            { method: "GET", path: "/.well-known/jwks.json", handler: jwksRoute(options.jwksUrl) },
            { method: "POST", path: STRIPE_WEBHOOK_PATH, handler: stripeWebhookProxy(() => gateway.endpoints().orders) },
            {
              method: "GET",
              path: "/healthz",
              handler: (_req, res) => sendJson(res, 200, { status: "ok", service: "router" }),
            },
            { method: "GET", path: "/readyz", handler: readinessRoute(gateway.endpoints) },
            {
              method: "GET",
              path: "/metrics",
              handler: metricsRoute(options.metricsSource ?? registrySource(metrics.registry)),
            },
            ...(graphiql?.routes ?? []),
          ],
          onStop: gateway.stop,
          onError: (error) => logger.error({ error: String(error) }, "unexpected handler failure"),
        });
        running.server.on("connection", (socket) => {
          metrics.activeSockets.inc();
          socket.once("close", () => metrics.activeSockets.dec());
        });
        const subscriptions = attachSubscriptions(running.server, {
          gateway,
          protection,
          verifyToken: options.verifyToken,
          serviceToken: options.serviceToken,
          production,
          logger,
          metrics,
          maxUpstreamMessageBytes: options.resilience?.maxSubgraphResponseBytes,
          options: subscriptionOptions,
        });
        // Upgraded sockets keep the HTTP server from closing: end them first.
        return { ...running, stop: () => subscriptions.close().then(running.stop) };
      } catch (error) {
        // E.g. the port is taken: release the gateway before reporting it.
        await gateway.stop();
        throw error;
      }
    },
  };
}
