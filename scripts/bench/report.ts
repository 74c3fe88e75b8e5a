import { writeDocSection } from "./doc-section";
import type { Machine } from "./machine";
import type { LatencySummary } from "./stats";


export interface BenchRun {
  date: string;
  machine: Machine;
  where: string;
  products: number;
  scale: number;
  seedSeconds: number | null;
  rounds: number;
  search: LatencySummary[];
  listing: LatencySummary[];
  targets: { searchP95: number; listingP95: number };
}

const ms = (value: number) => value.toFixed(1);

export function latencyTable(rows: LatencySummary[]): string {
  const lines = ["| workload | samples | p50 ms | p95 ms | p99 ms | mean ms |", "|---|---:|---:|---:|---:|---:|"];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${row.samples} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ms(row.mean)} |`);
  }
  return lines.join("\n");
}

const verdict = (p95: number, target: number) =>
  p95 < target ? `met (${ms(p95)} < ${target})` : `MISSED (${ms(p95)} ≥ ${target})`;

/** The section of docs/benchmarks.md this benchmark owns. */
export function renderSection(run: BenchRun): string {
  const all = run.search.find((row) => row.name === "search (all)");
  const worstListing = Math.max(...run.listing.map((row) => row.p95));
  const { machine } = run;
  return [
    "## Search and product listing at the catalog subgraph",
    "",
    "Written by `npm run bench` (scripts/bench/); rerun it to refresh this section.",
    "",
    `- Date: ${run.date}`,
    `- Machine: ${machine.cpus} CPUs (\`nproc\`; ${machine.cpuModel}), ${machine.memoryGiB} GiB memory, Node ${machine.node}, PostgreSQL ${machine.postgres} (${run.where}); load average ${machine.loadAverage} when measuring began (the machine is shared: other work inflates the figures)`,
    `- Data: ${run.products.toLocaleString("en-US")} products (SEED_SCALE=${run.scale})${run.seedSeconds === null ? ", an already seeded database" : `, seeded in ${run.seedSeconds.toFixed(0)} s`}`,
    `- Method: one request at a time over HTTP to the catalog subgraph (Postgres search adapter), ${run.rounds} rounds after warm-up; search asks for a page of 20 with total and all facets; listing asks each sort's first page and a page reached by cursor`,
    `- Targets: search p95 < ${run.targets.searchP95} ms: ${all ? verdict(all.p95, run.targets.searchP95) : "n/a"}; listing p95 < ${run.targets.listingP95} ms (worst sort): ${verdict(worstListing, run.targets.listingP95)}`,
    "",
    "### Search (query mix: exact, prefix, typo, filtered)",
    "",
    latencyTable(run.search),
    "",
    "### Product listing (each sort)",
    "",
    latencyTable(run.listing),
  ].join("\n");
}

export function writeReport(path: string, run: BenchRun): void {
  writeDocSection(path, "search-and-listing", renderSection(run));
}
