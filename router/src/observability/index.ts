export { createLogger, type Logger, type LoggerOptions } from "./logger";
export { createRouterMetrics, type FetchOutcome, type MetricsOptions, type RouterMetrics } from "./metrics";
export { type MetricsSource, metricsRoute, registrySource } from "./metrics-route";
export { observabilityPlugin, observeRequests, recordingContext } from "./observe-request";
export type { RequestRecord } from "./request-record";
