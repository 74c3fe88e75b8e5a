import { Counter, Gauge } from "prom-client";
import type { RouterMetrics } from "../observability";

/** Totals of every router in this process (tests and the all-in-one run several). */
const totals = { sockets: 0, subscriptions: 0 };

/** Open graphql-ws sockets in this process. */
export const activeSockets = (): number => totals.sockets;
/** Running subscriptions (client side) in this process. */
export const activeSubscriptions = (): number => totals.subscriptions;

const WEBSOCKETS_METRIC = "bazaar_router_active_websockets";
const SLOW_CLOSES_METRIC = "bazaar_router_websocket_slow_consumer_closes_total";

/** The metric of that name already on the registry (two routers may share one), or a new one. */
function registered<T extends Gauge | Counter>(metrics: RouterMetrics, name: string, create: () => T): T {
  return (metrics.registry.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * Counts of one router's graphql-ws endpoint, mirrored into its Prometheus registry
 * (`bazaar_router_active_subscriptions`, `bazaar_router_active_websockets`) and the process totals.
 * Every `…Opened`/`…Started` is matched by exactly one `…Closed`/`…Ended` by the callers.
 */
export class SubscriptionGauges {
  private sockets = 0;
  private subscriptions = 0;
  private readonly websockets: Gauge | undefined;
  private readonly slowCloses: Counter | undefined;

  constructor(private readonly metrics?: RouterMetrics) {
    const registers = metrics && [metrics.registry];
    this.websockets =
      metrics &&
      registered(
        metrics,
        WEBSOCKETS_METRIC,
        () =>
          new Gauge({
            name: WEBSOCKETS_METRIC,
            help: "Open graphql-ws connections (also counted in bazaar_router_active_sockets)",
            registers,
          }),
      );
    this.slowCloses =
      metrics &&
      registered(
        metrics,
        SLOW_CLOSES_METRIC,
        () =>
          new Counter({
            name: SLOW_CLOSES_METRIC,
            help: "graphql-ws connections closed (1013) because the client left too many events unread",
            registers,
          }),
      );
  }

  slowConsumerClosed(): void {
    this.slowCloses?.inc();
  }

  socketOpened(): void {
    this.sockets += 1;
    totals.sockets += 1;
    this.websockets?.inc();
  }

  socketClosed(): void {
    this.sockets -= 1;
    totals.sockets -= 1;
    this.websockets?.dec();
  }

  subscriptionStarted(): void {
    this.subscriptions += 1;
    totals.subscriptions += 1;
    this.metrics?.activeSubscriptions.inc();
  }

  subscriptionEnded(): void {
    this.subscriptions -= 1;
    totals.subscriptions -= 1;
    this.metrics?.activeSubscriptions.dec();
  }

  activeSockets(): number {
    return this.sockets;
  }

  activeSubscriptions(): number {
    return this.subscriptions;
  }
}
