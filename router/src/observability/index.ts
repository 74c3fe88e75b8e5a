export { createLogger, type Logger, type LoggerOptions } from "./logger";
export { createRouterMetrics, type FetchOutcome, type MetricsOptions, type RouterMetrics } from "./metrics";
export { type MetricsSource, metricsRoute, registrySource } from "./metrics-route";
export { observabilityPlugin, observeRequests } from "./observe-request";
export { currentRequest, noteClient, noteErrorCode, type RequestRecord } from "./request-record";
