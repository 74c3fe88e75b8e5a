/** IPC between router workers and the primary for cluster-wide /metrics. */
export const METRICS_REQUEST = "bazaar:router:metrics-request";
export const METRICS_RESPONSE = "bazaar:router:metrics-response";

export type MetricsMessage =
  | { type: typeof METRICS_REQUEST; id: number }
  | { type: typeof METRICS_RESPONSE; id: number; body?: string; contentType?: string; error?: string };
