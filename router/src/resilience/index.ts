export { type FetchFailure, failedFetchErrors } from "./failed-fetch";
export { createFetchGuard, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_SUBGRAPH_TIMEOUT_MS, type FetchGuard } from "./fetch-guard";
export { healthUrl, readinessRoute } from "./readiness";
export { requestDeadlineAt, requestDeadlinePlugin } from "./request-deadline";
export { subgraphEndpoints } from "./subgraph-endpoints";
export { DEFAULT_RELOAD_DEBOUNCE_MS, supergraphSource } from "./supergraph-source";

/** Overall budget of one client request, across all its subgraph fetches. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface ResilienceOptions {
  /** Per subgraph fetch; default 5 s. */
  subgraphTimeoutMs?: number;
  /** Subgraph name → timeout, overriding `subgraphTimeoutMs` for that subgraph. */
  subgraphTimeouts?: Record<string, number>;
  /** Whole request; default 15 s. */
  requestTimeoutMs?: number;
  /** Largest subgraph response body accepted; default 10 MiB. */
  maxSubgraphResponseBytes?: number;
}
