import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { createAccessTokenVerifier, defaultVerifierConfig, remoteKeySet } from "@bazaar/auth";
import { ClusterRateLimitStore, runPrimary, workerMetricsSource } from "./cluster";
import { loadEnv, parseArguments } from "./env";
import { ensureGraphiqlBundle } from "./graphiql";
import { createLogger, createRouterMetrics } from "./observability";
import { createRouter } from "./server";

const env = loadEnv();
const args = parseArguments(process.argv.slice(2));
const production = env.NODE_ENV === "production";
const graphiql = env.GRAPHIQL ?? !production;
const workers = env.ROUTER_WORKERS === "auto" ? availableParallelism() : env.ROUTER_WORKERS;
const worker = cluster.isWorker ? { worker: cluster.worker?.id } : {};

if (workers > 1 && cluster.isPrimary) {
  await runPrimary({
    workers,
    logger: createLogger({ level: env.LOG_LEVEL, base: { role: "primary" } }),
    prepare: graphiql ? ensureGraphiqlBundle : undefined,
  });
} else {
  const logger = createLogger({ level: env.LOG_LEVEL, base: worker });
  const metrics = createRouterMetrics({ processMetrics: true });
  const router = createRouter({
    supergraphPath: resolve(args.supergraphPath ?? env.SUPERGRAPH_PATH),
    watchSupergraph: env.SUPERGRAPH_WATCH,
    subgraphUrls: env.subgraphUrls,
    production,
    verifyToken: createAccessTokenVerifier(
      remoteKeySet(env.AUTH_JWKS_URL),
      defaultVerifierConfig({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE }),
    ),
    jwksUrl: env.AUTH_JWKS_URL,
    serviceToken: env.SERVICE_TOKEN,
    protection: env.protection,
    logger,
    metrics,
    metricsSource: cluster.isWorker ? workerMetricsSource(metrics.registry) : undefined,
    // Workers share the port, so their buckets live in the primary: one quota per client per cluster.
    rateLimitStore: cluster.isWorker ? new ClusterRateLimitStore() : undefined,
    graphiql,
    resilience: {
      subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      subgraphTimeouts: env.subgraphTimeouts,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      maxSubgraphResponseBytes: env.SUBGRAPH_MAX_RESPONSE_BYTES,
    },
  });
  const running = await router.listen(env.PORT, env.HOST);
  logger.info({ url: `${running.url}/graphql`, graphiql }, "router ready");

  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
  // The primary went away: nobody distributes connections any more.
  if (cluster.isWorker) process.once("disconnect", stop);
}
