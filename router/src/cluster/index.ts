export { type PrimaryOptions, runPrimary } from "./primary";
export { workerMetricsSource } from "./worker";
