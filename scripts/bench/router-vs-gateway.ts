// `npm run bench -- router`: Bazaar's router against the stock @apollo/gateway (default options) on
// the same five subgraphs in the same run, on the storefront home query and the product page
// query. Throughput, p50/p99, and each gateway process's CPU time, so throughput per CPU-second
// (per core) can be compared. Seeds a throwaway PostgreSQL unless DATABASE_URL is given; writes its
// own section of docs/benchmarks.md. Knobs: BENCH_ROUTER_CONNECTIONS, BENCH_ROUTER_SECONDS,
// BENCH_ROUTER_WARMUP_SECONDS, BENCH_ROUTER_ROUNDS, BENCH_ROUTER_SEED_SCALE, BENCH_ROUTER_QUERIES, BENCH_ROUTER_CPU_PROF
// (a directory: each gateway process writes V8 CPU profiles into <dir>/<router|stock>/), BENCH_REPORT,
// BENCH_ROUTER_SRC (another checkout's router/src, measured instead of this one's, to compare versions).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { createDatabase, migrate, openConnection, tables } from "@bazaar/drizzle";
import { gatewayCompatibleSupergraph } from "@bazaar/router";
import { parseEnv } from "@bazaar/subgraph-kit";
import { startPostgresCluster } from "@bazaar/testing";
import { count } from "drizzle-orm";
import { z } from "zod";
import { isSeeded, seedDemoData } from "../seed/index";
import { type BenchChild, startChild } from "./bench-child";
import { type LoadTarget, loadTarget, requestOnce, runLoad } from "./load";
import { describeMachine } from "./machine";
import {
  type QueryFigures,
  type RunSample,
  ratios,
  routerTable,
  type TargetName,
  targetFigures,
  writeRouterReport,
} from "./router-report";
import { POPULAR_SLUGS, type RouterWorkload, routerWorkloads } from "./router-workload";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const SUPERGRAPH = here("../../schema/supergraph.graphql");

/** The supergraph with each subgraph's `@join__graph(url:)` pointed at where it really listens. */
export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  const replaced = new Set<string>();
  const text = sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (!url) return whole;
    replaced.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const missing = Object.keys(urls).filter((name) => !replaced.has(name));
  if (missing.length > 0) throw new Error(`supergraph has no @join__graph for ${missing.join(", ")}`);
  return text;
}

async function openDatabase(url: string | undefined, scale: number) {
  const cluster = url ? undefined : await startPostgresCluster();
  const databaseUrl = url ?? (cluster?.url as string);
  const connection = await openConnection({ url: databaseUrl, maxConnections: 4 });
  const close = async () => {
    await connection.close();
    await cluster?.stop();
  };
  try {
    await migrate(connection);
    const db = createDatabase(connection);
    if (!(await isSeeded(db))) {
      console.log(`bench:router: seeding at scale ${scale}…`);
      await seedDemoData(db, { scale });
    }
    const [row] = await db.select({ n: count() }).from(tables.products);
    const where = cluster ? "throwaway PostgreSQL cluster (fsync off)" : `PostgreSQL at ${new URL(databaseUrl).host}`;
    return { db, databaseUrl, where, products: row?.n ?? 0, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Both targets must answer every workload with the same data and no errors before anything is timed. */
async function checkSameAnswers(targets: Record<TargetName, LoadTarget>, workloads: RouterWorkload[]) {
  for (const workload of workloads) {
    const [router, stock] = await Promise.all([
      requestOnce(targets.router, workload.body(0)),
      requestOnce(targets.stock, workload.body(0)),
    ]);
    for (const [name, answer] of [
      ["router", router],
      ["stock", stock],
    ] as const) {
      const body = answer.json as { data?: unknown; errors?: unknown };
      if (answer.status !== 200 || body.errors || !body.data)
        throw new Error(`${name} failed ${workload.name}: ${JSON.stringify(body).slice(0, 1_000)}`);
    }
    if (!isDeepStrictEqual((router.json as { data: unknown }).data, (stock.json as { data: unknown }).data))
      throw new Error(`router and stock gateway answer ${workload.name} differently`);
  }
}

export async function runRouterVsGateway(): Promise<QueryFigures[]> {
  const env = parseEnv(
    z.object({
      DATABASE_URL: z.string().url().optional(),
      BENCH_ROUTER_SEED_SCALE: z.coerce.number().positive().max(1000).default(1),
      BENCH_ROUTER_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(16),
      BENCH_ROUTER_SECONDS: z.coerce.number().min(1).max(600).default(10),
      BENCH_ROUTER_WARMUP_SECONDS: z.coerce.number().min(0).max(600).default(5),
      BENCH_ROUTER_ROUNDS: z.coerce.number().int().min(1).max(20).default(3),
      BENCH_ROUTER_CPU_PROF: z.string().min(1).optional(),
      /** Comma-separated workload keys (home, product); default both. */
      BENCH_ROUTER_QUERIES: z.string().min(1).default("home,product"),
      BENCH_REPORT: z.string().min(1).default(here("../../docs/benchmarks.md")),
    }),
  );
  const database = await openDatabase(env.DATABASE_URL, env.BENCH_ROUTER_SEED_SCALE);
  const scratch = mkdtempSync(join(tmpdir(), "bazaar-bench-router-"));
  const children: BenchChild[] = [];
  const targets: LoadTarget[] = [];
  try {
    const host = await startChild(here("./subgraph-host.ts"), { DATABASE_URL: database.databaseUrl }, { label: "subgraphs" });
    children.push(host);
    const subgraphUrls = host.ready.subgraphUrls ?? {};
    const stockSdlPath = join(scratch, "stock-supergraph.graphql");
    const supergraph = readFileSync(SUPERGRAPH, "utf8");
    writeFileSync(stockSdlPath, withSubgraphUrls(gatewayCompatibleSupergraph(supergraph).sdl, subgraphUrls));
    const common = { NODE_ENV: "production", APOLLO_TELEMETRY_DISABLED: "1" };
    const profile = (name: TargetName) =>
      env.BENCH_ROUTER_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${join(env.BENCH_ROUTER_CPU_PROF, name)}`]
        : [];
    const router = await startChild(
      here("./gateway-target.ts"),
      {
        ...common,
        BENCH_TARGET: "router",
        BENCH_SUPERGRAPH_PATH: SUPERGRAPH,
        BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
      },
      { label: "router", execArgv: profile("router") },
    );
    children.push(router);
    const stock = await startChild(
      here("./gateway-target.ts"),
      { ...common, BENCH_TARGET: "stock", BENCH_STOCK_SDL_PATH: stockSdlPath },
      { label: "stock gateway", execArgv: profile("stock") },
    );
    children.push(stock);
    const processes: Record<TargetName, BenchChild> = { router, stock };
    const load: Record<TargetName, LoadTarget> = {
      router: loadTarget("router", router.ready.url as string, env.BENCH_ROUTER_CONNECTIONS),
      stock: loadTarget("stock", stock.ready.url as string, env.BENCH_ROUTER_CONNECTIONS),
    };
    targets.push(load.router, load.stock);

    const slugs = await requestOnce(load.router, JSON.stringify({ query: POPULAR_SLUGS }));
    const edges = (slugs.json as { data?: { products: { edges: { node: { slug: string } }[] } } }).data?.products.edges;
    if (!edges?.length) throw new Error(`no products to benchmark: ${JSON.stringify(slugs.json).slice(0, 500)}`);
    const wanted = new Set(env.BENCH_ROUTER_QUERIES.split(",").map((key) => key.trim()));
    const workloads = routerWorkloads(edges.map((edge) => edge.node.slug)).filter((w) => wanted.has(w.key));
    if (workloads.length === 0) throw new Error(`BENCH_ROUTER_QUERIES names no workload (home, product)`);
    await checkSameAnswers(load, workloads);

    const machine = await describeMachine(database.db);
    console.log(
      `bench:router: ${database.products} products; ${env.BENCH_ROUTER_CONNECTIONS} connections, ${env.BENCH_ROUTER_ROUNDS} × ${env.BENCH_ROUTER_SECONDS} s per target and query; load average ${machine.loadAverage}`,
    );
    const order: TargetName[] = ["router", "stock"];
    const figures: QueryFigures[] = [];
    for (const workload of workloads) {
      const runs: Record<TargetName, RunSample[]> = { router: [], stock: [] };
      for (const name of order) {
        await runLoad(load[name], {
          connections: env.BENCH_ROUTER_CONNECTIONS,
          durationMs: env.BENCH_ROUTER_WARMUP_SECONDS * 1000,
          body: workload.body,
        });
      }
      for (let round = 0; round < env.BENCH_ROUTER_ROUNDS; round += 1) {
        for (const name of order) {
          const cpuBefore = await processes[name].cpuSeconds();
          const result = await runLoad(load[name], {
            connections: env.BENCH_ROUTER_CONNECTIONS,
            durationMs: env.BENCH_ROUTER_SECONDS * 1000,
            body: workload.body,
          });
          const cpuSeconds = (await processes[name].cpuSeconds()) - cpuBefore;
          if (result.errors > 0) throw new Error(`${name}, ${workload.name}: ${result.errors} errors, first: ${result.firstError}`);
          runs[name].push({ ...result, cpuSeconds });
          console.log(
            `bench:router ${workload.name} · ${name} · round ${round + 1}: ${(result.requests / result.seconds).toFixed(0)} req/s, ${(result.requests / cpuSeconds).toFixed(0)} req per CPU-s`,
          );
        }
      }
      figures.push({
        query: workload.name,
        router: targetFigures("router", runs.router),
        stock: targetFigures("stock", runs.stock),
      });
    }
    console.log(`\n${routerTable(figures)}\n`);
    for (const q of figures) {
      const r = ratios(q);
      console.log(`bench:router ${q.query}: router ÷ stock = ${r.throughput.toFixed(2)}× req/s, ${r.perCpu.toFixed(2)}× req per CPU-s`);
    }
    writeRouterReport(env.BENCH_REPORT, {
      date: new Date().toISOString().slice(0, 10),
      machine,
      loadAverageAfter: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      where: database.where,
      products: database.products,
      connections: env.BENCH_ROUTER_CONNECTIONS,
      seconds: env.BENCH_ROUTER_SECONDS,
      warmupSeconds: env.BENCH_ROUTER_WARMUP_SECONDS,
      rounds: env.BENCH_ROUTER_ROUNDS,
      queries: figures,
    });
    console.log(`bench:router: figures written to ${env.BENCH_REPORT}`);
    return figures;
  } finally {
    await Promise.all(targets.map((t) => t.pool.close()));
    // Gateways first, then the subgraphs they call.
    for (const child of children.reverse()) await child.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
    await database.close();
  }
}
