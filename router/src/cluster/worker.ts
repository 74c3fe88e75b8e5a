import { AggregatorRegistry, type Registry } from "prom-client";
import type { MetricsSource } from "../observability";
import { METRICS_REQUEST, METRICS_RESPONSE, type MetricsMessage } from "./messages";

// Longer than prom-client's own 5 s collection timeout in the primary, so its error arrives first.
const METRICS_TIMEOUT_MS = 7_000;

/**
 * /metrics in a cluster worker: a scrape lands on whichever worker accepted the connection, so the
 * worker asks the primary, which collects and sums every worker's registry.
 */
export function workerMetricsSource(registry: Registry): MetricsSource {
  // What prom-client's primary-side aggregator reads from this worker. Constructing an
  // AggregatorRegistry is what installs prom-client's worker-side IPC listener.
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();
  const pending = new Map<number, (message: MetricsMessage & { type: typeof METRICS_RESPONSE }) => void>();
  let nextId = 0;
  process.on("message", (message: MetricsMessage) => {
    if (message?.type === METRICS_RESPONSE) pending.get(message.id)?.(message);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("the router primary did not answer the metrics request"));
      }, METRICS_TIMEOUT_MS);
      pending.set(id, (message) => {
        clearTimeout(timer);
        pending.delete(id);
        if (message.error !== undefined || message.body === undefined) reject(new Error(message.error));
        else resolve({ contentType: message.contentType ?? registry.contentType, body: message.body });
      });
      process.send?.({ type: METRICS_REQUEST, id } satisfies MetricsMessage);
    });
}
