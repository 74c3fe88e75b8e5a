import { writeDocSection } from "./doc-section";
import type { CheckoutWorld } from "./checkout-world";
import type { Machine } from "./machine";
import { type LatencySummary, summarize } from "./stats";

/** spread: two random variants of 200 per cart; hot: every cart also takes the same one variant. */
export type Scenario = "spread" | "hot";

export interface CheckoutRun {
  scenario: Scenario;
  concurrency: number;
  checkouts: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  catalogTransactions: LatencySummary;
  ordersTransactions: LatencySummary;
}

const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status } userErrors { code } } }`;
const ADDRESS = { name: "Bench", line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" };

const pick = (ids: string[]) => ids[Math.floor(Math.random() * ids.length)] as string;

/**
 * `checkouts` customers with a filled cart each, checked out by `concurrency` clients in a closed
 * loop (each starts the next checkout when its last one answered). Every checkout must place an
 * order: stock is deep, so anything else aborts the run.
 */
export async function runCheckouts(
  world: CheckoutWorld,
  options: { scenario: Scenario; concurrency: number; checkouts: number },
): Promise<CheckoutRun> {
  const customers = await world.customers(options.checkouts);
  const hot = world.variantIds[0] as string;
  const rest = world.variantIds.slice(1);
  await world.fillCarts(
    customers.map((c) => ({
      userId: c.userId,
      lines:
        options.scenario === "hot"
          ? [hot, pick(rest)]
          : [pick(rest), pick(rest)].filter((v, i, a) => a.indexOf(v) === i),
    })),
  );
  world.catalogTransactions.length = 0;
  world.ordersTransactions.length = 0;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let i = next++; i < customers.length; i = next++) {
        const customer = customers[i] as (typeof customers)[number];
        const sent = performance.now();
        const res = await fetch(world.ordersUrl, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: customer.authorization },
          body: JSON.stringify({
            query: CHECKOUT,
            variables: { input: { idempotencyKey: `bench-${customer.userId}`, shippingAddress: ADDRESS } },
          }),
        });
        const body = (await res.json()) as {
          data?: { checkout: { order: { status: string } | null; userErrors: unknown[] } };
          errors?: unknown;
        };
        latencies.push(performance.now() - sent);
        if (body.data?.checkout.order?.status !== "PENDING_PAYMENT")
          throw new Error(`checkout failed: ${JSON.stringify(body)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    ...options,
    seconds,
    perSecond: options.checkouts / seconds,
    latency: summarize("checkout", latencies),
    catalogTransactions: summarize("catalog transactions", world.catalogTransactions),
    ordersTransactions: summarize("orders transactions", world.ordersTransactions),
  };
}

const ms = (value: number) => value.toFixed(1);

export function renderCheckoutTables(runs: CheckoutRun[]): string {
  const lines = [
    "| cart | clients | checkouts | checkouts/s | latency p50 ms | latency p99 ms | catalog tx p99 ms | orders tx p99 ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const run of runs) {
    lines.push(
      `| ${run.scenario} | ${run.concurrency} | ${run.checkouts} | ${run.perSecond.toFixed(1)} | ${ms(run.latency.p50)} | ${ms(run.latency.p99)} | ${ms(run.catalogTransactions.p99)} | ${ms(run.ordersTransactions.p99)} |`,
    );
  }
  return lines.join("\n");
}

export interface CheckoutReport {
  date: string;
  machine: Machine;
  where: string;
  poolSize: number;
  runs: CheckoutRun[];
}

export function renderCheckoutSection(report: CheckoutReport): string {
  const { machine } = report;
  return [
    "## Checkout throughput at the orders subgraph",
    "",
    "Written by `npm run bench:checkout` (scripts/bench/checkout.ts); rerun it to refresh this section.",
    "",
    `- Date: ${report.date}`,
    `- Machine: ${machine.cpus} CPUs (\`nproc\`; ${machine.cpuModel}), ${machine.memoryGiB} GiB memory, Node ${machine.node}, PostgreSQL ${machine.postgres} (${report.where}); load average ${machine.loadAverage} when measuring began`,
    `- Setup: catalog and orders subgraphs in one Node process on one pool of ${report.poolSize} connections (the shape of \`npm start\`), the sandbox payment provider; the load generator runs in the same process`,
    "- Method: closed loop — each client sends the next `checkout` (a customer with a filled cart, typed-in address) as soon as the last one answered; every checkout must place an order. A checkout is: claim the idempotency key, catalog's `reserveStock` over HTTP (its own transaction), the order transaction, the payment intent.",
    "- Carts: *spread* — two random variants of 200; *hot* — every cart holds the same variant plus a random one, so all reservations queue on one row lock",
    "- Lock hold: the duration of each transaction (its row locks are held at most that long); catalog's are the stock reservations",
    "- Reading: throughput levels off once the one Node process (load generator, orders and catalog together) keeps both cores busy; from then on a transaction's duration includes waiting for that event loop between its statements, so at 10 and 50 clients the lock-hold figures measure queueing in Node as much as contention in PostgreSQL. Only the hot cart's catalog transactions grow beyond that: every reservation waits its turn on one variant's row lock. Separate processes per service (production) spread the work over the cores.",
    "",
    renderCheckoutTables(report.runs),
  ].join("\n");
}

export function writeCheckoutSection(path: string, report: CheckoutReport): void {
  writeDocSection(path, "checkout", renderCheckoutSection(report));
}
