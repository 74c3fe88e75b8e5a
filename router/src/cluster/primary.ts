import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import type { Logger } from "../observability";
import { METRICS_REQUEST, METRICS_RESPONSE, type MetricsMessage } from "./messages";
import { serveClusterRateLimits } from "./rate-limit";

const RESTART_DELAY_MS = 1_000;
const STOP_GRACE_MS = 15_000;

export interface PrimaryOptions {
  workers: number;
  logger: Logger;
  /** Runs once before forking, e.g. building the GraphiQL bundle so workers do not race to. */
  prepare?: () => Promise<unknown>;
}

/**
 * The cluster primary: forks one router worker per core (they share the listening port), answers
 * workers' /metrics requests with every worker's metrics summed, keeps the rate-limit buckets of
 * every worker (so a client's quota is per cluster, not per core), replaces a worker that dies after
 * start-up, and on SIGTERM/SIGINT lets each worker drain its requests before exiting.
 * A worker that dies during start-up (bad configuration) stops the whole router instead of looping.
 */
export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const { logger } = options;
  await options.prepare?.();
  const aggregator = new AggregatorRegistry();
  serveClusterRateLimits();

  cluster.on("message", (worker: Worker, message: MetricsMessage) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (body) => worker.send({ type: METRICS_RESPONSE, id: message.id, body, contentType: aggregator.contentType }),
      (error: unknown) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: String(error) }),
    );
  });

  let ready = false;
  let stopping = false;
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (!ready && listening === options.workers) {
      ready = true;
      logger.info({ workers: options.workers }, "router cluster ready");
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!ready) {
      logger.error({ worker: worker.id, code, signal }, "router worker failed during start-up; stopping");
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exitCode = 1;
      return;
    }
    logger.error({ worker: worker.id, code, signal }, "router worker died; starting a replacement");
    setTimeout(() => cluster.fork(), RESTART_DELAY_MS);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "router cluster stopping");
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    for (const worker of running) worker.process.kill("SIGTERM");
    const force = setTimeout(() => {
      for (const worker of running) worker.process.kill("SIGKILL");
    }, STOP_GRACE_MS);
    force.unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  for (let i = 0; i < options.workers; i += 1) cluster.fork();
}
