import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/** Where /metrics gets its text: this process's registry, or (in a cluster worker) every worker's. */
export type MetricsSource = () => Promise<{ contentType: string; body: string }>;

export const registrySource =
  (registry: Registry): MetricsSource =>
  async () => ({ contentType: registry.contentType, body: await registry.metrics() });

/** Prometheus text exposition at GET /metrics. */
export function metricsRoute(source: MetricsSource) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { contentType, body } = await source();
    res.statusCode = 200;
    res.setHeader("content-type", contentType);
    res.setHeader("cache-control", "no-store");
    res.end(body);
  };
}
