export { type PrimaryOptions, runPrimary } from "./primary";
export { workerMetricsSource } from "./worker";
export { ClusterRateLimitStore, serveClusterRateLimits } from "./rate-limit";
