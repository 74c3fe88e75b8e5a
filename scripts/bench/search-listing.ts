// Search and product listing at the catalog subgraph (part "search" of `npm run bench`): seeds a
// separate database with the demo marketplace at SEED_SCALE (default 50, i.e. 100,000 products) —
// a throwaway PostgreSQL cluster unless DATABASE_URL is given — starts the catalog subgraph on it,
// measures search and product listing latency over HTTP, prints the figures and writes them into
// docs/benchmarks.md. BENCH_ROUNDS (default 20) sets the sample size.
import { fileURLToPath } from "node:url";
import { createPostgresSearchEngine, useSearchEngine } from "@bazaar/catalog/search";
import { createServer } from "@bazaar/catalog";
import { parseEnv } from "@bazaar/subgraph-kit";
import { graphqlClient } from "@bazaar/testing";
import { z } from "zod";
import { openBenchDatabase } from "./bench-database";
import { describeMachine } from "./machine";
import { measureListing, measureSearch } from "./measure";
import { type BenchRun, latencyTable, writeReport } from "./report";
import { summarize } from "./stats";

const WARMUP_ROUNDS = 2;
const REPORT = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));

export async function runSearchAndListing(): Promise<void> {
  const env = parseEnv(
    z.object({
      DATABASE_URL: z.string().url().optional(),
      SEED_SCALE: z.coerce.number().positive().max(1000).default(50),
      BENCH_ROUNDS: z.coerce.number().int().min(1).max(1000).default(20),
    }),
  );
  const bench = await openBenchDatabase({ url: env.DATABASE_URL, scale: env.SEED_SCALE });
  try {
    // The Postgres adapter is what the targets are about, whatever MEILI_HOST says.
    useSearchEngine(bench.db, createPostgresSearchEngine(bench.db));
    const running = await (await createServer({ db: bench.db, reservationSweepIntervalMs: 0 })).listen(0, "127.0.0.1");
    try {
      const gql = graphqlClient(`${running.url}/graphql`);
      console.log(`bench: ${bench.products.toLocaleString("en-US")} products in ${bench.where}; measuring…`);
      const machine = await describeMachine(bench.db);
      const summaries = (samples: Map<string, number[]>) => [...samples].map(([name, times]) => summarize(name, times));
      const search = summaries(await measureSearch(gql, env.BENCH_ROUNDS, WARMUP_ROUNDS));
      const listing = summaries(await measureListing(gql, env.BENCH_ROUNDS, WARMUP_ROUNDS));
      const run: BenchRun = {
        date: new Date().toISOString().slice(0, 10),
        machine,
        where: bench.where,
        products: bench.products,
        scale: env.SEED_SCALE,
        seedSeconds: bench.seedSeconds,
        rounds: env.BENCH_ROUNDS,
        search,
        listing,
        targets: { searchP95: 50, listingP95: 30 },
      };
      console.log(`\n${latencyTable(search)}\n\n${latencyTable(listing)}\n`);
      writeReport(REPORT, run);
      console.log(`bench: figures written to ${REPORT}`);
    } finally {
      await running.stop();
    }
  } finally {
    await bench.close();
  }
}
