/** IPC between router workers and the primary for cluster-wide /metrics. */
export const METRICS_REQUEST = "bazaar:router:metrics-request";
export const METRICS_RESPONSE = "bazaar:router:metrics-response";

export type MetricsMessage =
  | { type: typeof METRICS_REQUEST; id: number }
  | { type: typeof METRICS_RESPONSE; id: number; body?: string; contentType?: string; error?: string };

/** IPC for cluster-wide rate limits: workers ask, the primary keeps every bucket. */
export const RATE_LIMIT_REQUEST = "bazaar:router:rate-limit-request";
export const RATE_LIMIT_RESPONSE = "bazaar:router:rate-limit-response";

export type RateLimitMessage =
  | { type: typeof RATE_LIMIT_REQUEST; id: number; bucket: string; cost: number; quota: number; windowMs: number }
  | {
      type: typeof RATE_LIMIT_RESPONSE;
      id: number;
      decision: { allowed: boolean; remaining: number; retryAfterMs: number };
    };
