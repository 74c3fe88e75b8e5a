import type { Server as HttpServer } from "node:http";
import type { AccessTokenVerifier } from "@bazaar/auth";
import type { StartedGateway } from "../apollo";
import type { Logger, RouterMetrics } from "../observability";
import type { Protection } from "../protection";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../resilience";
import { resolveSubscriptionOptions, type SubscriptionOptions } from "./config";
import { SubscriptionGauges } from "./gauges";
import { SubscriptionPlanner } from "./subscription-planner";
import { subscriptionServer } from "./subscription-server";
import { serveWebSockets } from "./transport";

export { activeSockets, activeSubscriptions } from "./gauges";
export {
  CloseCode,
  resolveSubscriptionOptions,
  SUBSCRIPTION_DEFAULTS,
  SubscriptionCode,
  type SubscriptionOptions,
} from "./config";

export interface SubscriptionDeps {
  gateway: Pick<StartedGateway, "loadedSupergraph" | "dataSource">;
  protection: Protection;
  verifyToken: AccessTokenVerifier;
  serviceToken: string | undefined;
  production: boolean;
  logger: Logger;
  metrics?: RouterMetrics | undefined;
  /** Largest message a subgraph may send on a subscription; default the subgraph response cap (10 MiB). */
  maxUpstreamMessageBytes?: number | undefined;
  options?: SubscriptionOptions | undefined;
}

export interface SubscriptionEndpoint {
  /** graphql-ws sockets open on this router. */
  activeSockets(): number;
  /** Client subscriptions running on this router. */
  activeSubscriptions(): number;
  /** Closes every socket (1001) and stops accepting new ones; call before stopping the HTTP server. */
  close(): Promise<void>;
}

/**
 * Federated subscriptions on the router's `/graphql`, beside HTTP on the same server: clients speak
 * graphql-ws (`graphql-transport-ws`); each subscription is planned with the federation query
 * planner, subscribed to on the subgraph owning its root field over graphql-ws, and every event is
 * completed across the other subgraphs with the gateway's executeQueryPlan.
 */
export function attachSubscriptions(httpServer: HttpServer, deps: SubscriptionDeps): SubscriptionEndpoint {
  const options = resolveSubscriptionOptions(deps.options);
  const gauges = new SubscriptionGauges(deps.metrics);
  const server = subscriptionServer({
    planner: new SubscriptionPlanner(deps.gateway),
    protection: deps.protection,
    production: deps.production,
    verifyToken: deps.verifyToken,
    serviceToken: deps.serviceToken,
    maxUpstreamMessageBytes: deps.maxUpstreamMessageBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    gauges,
    options,
    logger: deps.logger,
  });
  const transport = serveWebSockets(httpServer, server, {
    path: "/graphql",
    maxMessageBytes: options.maxMessageBytes,
    maxBufferedBytes: options.maxBufferedBytes,
    keepAliveMs: options.keepAliveMs,
    logger: deps.logger,
    gauges,
  });
  return {
    activeSockets: () => gauges.activeSockets(),
    activeSubscriptions: () => gauges.activeSubscriptions(),
    close: () => transport.close(),
  };
}
