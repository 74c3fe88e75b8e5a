import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds; from a cached field read to a slow cross-subgraph page. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type RequestOutcome = "success" | "partial" | "error";
export type FetchOutcome = "ok" | "timeout" | "unavailable" | "bad_response" | "error";

/** Every metric the router exposes at /metrics, on a registry of its own (tests start many routers). */
export interface RouterMetrics {
  registry: Registry;
  requests: Counter<"operation_type" | "outcome">;
  errors: Counter<"code">;
  requestDuration: Histogram<"operation_type">;
  subgraphFetchDuration: Histogram<"subgraph" | "outcome">;
  activeSockets: Gauge;
  /** Driven by the subscription transport once it exists; exported at 0 until then. */
  activeSubscriptions: Gauge;
  supergraphReloads: Counter<"outcome">;
}

export interface MetricsOptions {
  /** Node process metrics (CPU, heap, event loop lag); on for a deployed router, off in tests. */
  processMetrics?: boolean;
}

export function createRouterMetrics(options: MetricsOptions = {}): RouterMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: "bazaar_router_" });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: "bazaar_router_requests_total",
      help: "GraphQL requests by operation type (query, mutation, subscription, none) and outcome",
      labelNames: ["operation_type", "outcome"],
      registers,
    }),
    errors: new Counter({
      name: "bazaar_router_errors_total",
      help: "GraphQL errors sent to clients, by extensions.code",
      labelNames: ["code"],
      registers,
    }),
    requestDuration: new Histogram({
      name: "bazaar_router_request_duration_seconds",
      help: "Time from receiving a GraphQL request to finishing its response",
      labelNames: ["operation_type"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    subgraphFetchDuration: new Histogram({
      name: "bazaar_router_subgraph_fetch_duration_seconds",
      help: "Time of one fetch from the router to a subgraph, by subgraph and outcome",
      labelNames: ["subgraph", "outcome"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    activeSockets: new Gauge({
      name: "bazaar_router_active_sockets",
      help: "Open client TCP connections",
      registers,
    }),
    activeSubscriptions: new Gauge({
      name: "bazaar_router_active_subscriptions",
      help: "Open GraphQL subscriptions",
      registers,
    }),
    supergraphReloads: new Counter({
      name: "bazaar_router_supergraph_reloads_total",
      help: "Supergraph file changes seen, by outcome (applied or rejected)",
      labelNames: ["outcome"],
      registers,
    }),
  };
}
