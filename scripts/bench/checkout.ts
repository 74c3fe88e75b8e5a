// `npm run bench:checkout`: checkouts per second at 1, 10 and 50 concurrent clients against the
// orders subgraph over HTTP (with the real catalog reserving stock) on real PostgreSQL — a throwaway
// cluster unless DATABASE_URL is given — plus how long transactions held their locks. Prints the
// figures and writes them into its own section of docs/benchmarks.md. BENCH_CHECKOUTS (default 400)
// sets how many checkouts each run measures.
import { fileURLToPath } from "node:url";
import { createDatabase, migrate, openConnection } from "@bazaar/drizzle";
import { parseEnv } from "@bazaar/subgraph-kit";
import { startPostgresCluster } from "@bazaar/testing";
import { z } from "zod";
import {
  type CheckoutRun,
  renderCheckoutTables,
  runCheckouts,
  type Scenario,
  writeCheckoutSection,
} from "./checkout-run";
import { startCheckoutWorld } from "./checkout-world";
import { describeMachine } from "./machine";

const env = parseEnv(
  z.object({
    DATABASE_URL: z.string().url().optional(),
    BENCH_CHECKOUTS: z.coerce.number().int().min(10).max(100_000).default(400),
    BENCH_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(20),
    /** Where the section is written; docs/benchmarks.md by default. */
    BENCH_REPORT: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url))),
  }),
);
const REPORT = env.BENCH_REPORT;
const LEVELS = [1, 10, 50];
const SCENARIOS: Scenario[] = ["spread", "hot"];

const cluster = env.DATABASE_URL ? undefined : await startPostgresCluster();
const url = env.DATABASE_URL ?? (cluster?.url as string);
const connection = await openConnection({ url, maxConnections: env.BENCH_POOL_SIZE });
try {
  await migrate(connection);
  const world = await startCheckoutWorld(connection);
  try {
    const machine = await describeMachine(createDatabase(connection));
    const runs: CheckoutRun[] = [];
    // One unmeasured round warms up JIT, pools and plans.
    await runCheckouts(world, { scenario: "spread", concurrency: 10, checkouts: 50 });
    for (const scenario of SCENARIOS) {
      for (const concurrency of LEVELS) {
        const run = await runCheckouts(world, { scenario, concurrency, checkouts: env.BENCH_CHECKOUTS });
        console.log(
          `bench:checkout ${scenario} ×${concurrency}: ${run.perSecond.toFixed(1)} checkouts/s, p99 ${run.latency.p99.toFixed(1)} ms, catalog tx p99 ${run.catalogTransactions.p99.toFixed(1)} ms`,
        );
        runs.push(run);
      }
    }
    const where = cluster ? "throwaway PostgreSQL cluster (fsync off)" : `PostgreSQL at ${new URL(url).host}`;
    console.log(`\n${renderCheckoutTables(runs)}\n`);
    writeCheckoutSection(REPORT, {
      date: new Date().toISOString().slice(0, 10),
      machine,
      where,
      poolSize: env.BENCH_POOL_SIZE,
      runs,
    });
    console.log(`bench:checkout: figures written to ${REPORT}`);
  } finally {
    await world.stop();
  }
} finally {
  await connection.close();
  await cluster?.stop();
}
