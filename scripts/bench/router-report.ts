import { writeDocSection } from "./doc-section";
import type { Machine } from "./machine";
import { percentile } from "./stats";

export type TargetName = "router" | "stock";

/** One measured run: one target, one query, a fixed number of seconds. */
export interface RunSample {
  requests: number;
  errors: number;
  seconds: number;
  /** CPU seconds (user + system) the target's process used during the run. */
  cpuSeconds: number;
  latenciesMs: number[];
}

export interface TargetFigures {
  target: TargetName;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuSeconds: number;
  /** Requests answered per CPU-second of the target's process: throughput per core. */
  perCpuSecond: number;
  /** Requests per second of each run, in the order measured (shows drift between rounds). */
  rounds: number[];
}

/** Adds up the runs of one target: totals over total time, percentiles over every latency. */
export function targetFigures(target: TargetName, runs: readonly RunSample[]): TargetFigures {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const cpuSeconds = runs.reduce((sum, run) => sum + run.cpuSeconds, 0);
  const sorted = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  return {
    target,
    requests,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    perSecond: requests / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuSeconds,
    perCpuSecond: requests / cpuSeconds,
    rounds: runs.map((run) => run.requests / run.seconds),
  };
}

export interface QueryFigures {
  query: string;
  router: TargetFigures;
  stock: TargetFigures;
}

/** Router ÷ stock: throughput, and throughput per CPU-second (the issue's "per core"). */
export const ratios = (q: QueryFigures) => ({
  throughput: q.router.perSecond / q.stock.perSecond,
  perCpu: q.router.perCpuSecond / q.stock.perCpuSecond,
});

export const TARGET_RATIO = 1.5;

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function routerTable(queries: readonly QueryFigures[]): string {
  const lines = [
    "| query | target | requests | errors | req/s | p50 ms | p99 ms | target CPU s | req per CPU-s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const q of queries) {
    for (const t of [q.router, q.stock]) {
      const label = t.target === "router" ? "Bazaar router" : "stock @apollo/gateway";
      lines.push(
        `| ${q.query} | ${label} | ${t.requests} | ${t.errors} | ${fixed(t.perSecond)} | ${fixed(t.p50)} | ${fixed(t.p99)} | ${fixed(t.cpuSeconds)} | ${fixed(t.perCpuSecond)} |`,
      );
    }
    const r = ratios(q);
    lines.push(`| ${q.query} | **router ÷ stock** | | | **${fixed(r.throughput, 2)}×** | | | | **${fixed(r.perCpu, 2)}×** |`);
  }
  return lines.join("\n");
}

export interface RouterReport {
  date: string;
  machine: Machine;
  loadAverageAfter: number;
  where: string;
  products: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  queries: QueryFigures[];
}

export function renderRouterSection(report: RouterReport): string {
  const { machine } = report;
  const verdicts = report.queries.map((q) => {
    const perCpu = ratios(q).perCpu;
    return `${q.query} ${fixed(perCpu, 2)}× (${perCpu >= TARGET_RATIO ? "met" : "MISSED"})`;
  });
  return [
    "## Router vs stock @apollo/gateway",
    "",
    "Written by `npm run bench -- router` (scripts/bench/router-vs-gateway.ts); rerun it to refresh this section.",
    "",
    `- Date: ${report.date}`,
    `- Machine: ${machine.cpus} CPUs (\`nproc\`; ${machine.cpuModel}), ${machine.memoryGiB} GiB memory, Node ${machine.node}, PostgreSQL ${machine.postgres} (${report.where}); load average ${machine.loadAverage} when measuring began, ${report.loadAverageAfter} at the end (the machine is shared with other work)`,
    `- Data: the demo seed, ${report.products.toLocaleString("en-US")} products`,
    "- Setup: the five subgraphs in one Node process (production mode), and each gateway in a Node process of its own, all on the same subgraphs in the same run. *Bazaar router*: `createRouter` in production as router/src/index.ts runs it — every protection at its defaults (limits, cost, CSRF, APQ, router-side `@authenticated`/`@requiresScopes`, rate limiting with the anonymous quota raised so one benchmarking address is not refused), request log at info (to /dev/null), metrics, request ids, timeouts. *Stock*: `new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) })` with default options on `@apollo/server/standalone`, given the supergraph without the `@authenticated`/`@requiresScopes` features — `gatewayCompatibleSupergraph` from router/src/supergraph.ts, the text the router's own gateway loads — since the stock gateway refuses to load them. Both run under tsx with source-mapped stack traces turned off (a deployed stock gateway is plain JavaScript, and its HTTP client captures a stack per subgraph fetch).",
    `- Method: ${report.connections} keep-alive connections (undici), closed loop, anonymous requests; per query each target warmed up ${report.warmupSeconds} s, then ${report.rounds} rounds of ${report.seconds} s alternating router, stock, router, stock… The CPU time is each gateway process's own \`process.cpuUsage()\` over its runs; *req per CPU-s* is throughput per core, the figure of issue 7's target (≥ ${TARGET_RATIO}× the stock gateway's). Throughput itself is bounded by the 2 cores that the load generator, PostgreSQL, the subgraphs and the gateway share.`,
    `- Target per CPU-second ≥ ${TARGET_RATIO}×: ${verdicts.join("; ")}`,
    "",
    routerTable(report.queries),
    "",
    `Requests per second of each round (router / stock): ${report.queries
      .map((q) => `${q.query}: ${q.router.rounds.map((r) => fixed(r, 0)).join(", ")} / ${q.stock.rounds.map((r) => fixed(r, 0)).join(", ")}`)
      .join("; ")}.`,
  ].join("\n");
}

export function writeRouterReport(path: string, report: RouterReport): void {
  writeDocSection(path, "router-vs-gateway", renderRouterSection(report));
}
