// `npm run bench:fanout`: N graphql-ws subscribers on one router deployment receive order events.
// Production topology (`npm run start:prod`: every subgraph its own process, the router with two
// workers) on a throwaway PostgreSQL; the subscribers run in this process. Reports how long
// connecting and subscribing took, delivery latency (event commit in orders → payload at the
// client) p50/p99/max, whether every subscriber got every event, and server memory per subscriber.
// BENCH_SUBSCRIBERS (default 10,000), BENCH_EVENTS (default 5). Writes its section of docs/benchmarks.md.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { generatePrivateJwk } from "@bazaar/auth";
import { parseEnv } from "@bazaar/subgraph-kit";
import { freePort, graphqlClient } from "@bazaar/testing";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { z } from "zod";
import { call, DEMO_ACCOUNTS, placePaidOrder, signIn } from "../e2e/shopper";
import { openBenchDatabase } from "./bench-database";
import { writeDocSection } from "./doc-section";
import { describeMachine } from "./machine";
import { processTree, residentBytes } from "./process-memory";
import { summarize } from "./stats";

const env = parseEnv(
  z.object({
    DATABASE_URL: z.string().url().optional(),
    BENCH_SUBSCRIBERS: z.coerce.number().int().min(1).max(100_000).default(10_000),
    BENCH_EVENTS: z.coerce.number().int().min(1).max(100).default(5),
    /** Sockets opened at once while connecting. */
    BENCH_CONNECT_BATCH: z.coerce.number().int().min(1).max(5_000).default(250),
    BENCH_REPORT: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url))),
  }),
);
const root = fileURLToPath(new URL("../..", import.meta.url));
const N = env.BENCH_SUBSCRIBERS;

const database = await openBenchDatabase({ url: env.DATABASE_URL, scale: 0.05 });
const machine = await describeMachine(database.db);
const routerPort = await freePort();
const routerUrl = `http://127.0.0.1:${routerPort}/graphql`;
if (database.connection.kind !== "postgres") throw new Error("the fan-out benchmark needs PostgreSQL");
const deployment = await startDeployment(database.connection.url, routerPort);
const clients: Client[] = [];
try {
  const gql = graphqlClient(routerUrl);
  const [customerAccount, , adminAccount] = DEMO_ACCOUNTS;
  const customer = await signIn(gql, customerAccount);
  const admin = await signIn(gql, adminAccount);
  const order = await placePaidOrder(gql, customer.headers);
  const timeline = await call<{ order: { events: { sequence: number }[] } }>(
    gql,
    `query($id: ID!) { order(id: $id) { events { sequence } } }`,
    { id: order.id },
    customer.headers,
  );
  const after = Math.max(...timeline.order.events.map((event) => event.sequence));
  const change = () =>
    call(
      gql,
      `mutation($id: ID!) { refundOrder(input: { orderId: $id, amount: 1 }) { userErrors { code } } }`,
      { id: order.id },
      admin.headers,
    );

  const serverBefore = serverMemory(deployment.child);
  // received[sequence] = latencies of the deliveries of that sequence.
  const received = new Map<number, number[]>();
  // Why subscriptions ended early (socket errors, refusals), by reason.
  const failures: string[] = [];
  const connectStarted = performance.now();
  for (let start = 0; start < N; start += env.BENCH_CONNECT_BATCH) {
    const batch = Math.min(env.BENCH_CONNECT_BATCH, N - start);
    await Promise.all(Array.from({ length: batch }, () => connectSubscriber()));
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  // The first change is the barrier: once everyone has it, every subscription is past its replay and live.
  await change();
  await everyoneHas(after + 1);
  const serverAfter = serverMemory(deployment.child);
  const latencies: number[] = [];
  let complete = 0;
  for (let event = 2; event <= env.BENCH_EVENTS + 1; event += 1) {
    await change();
    await everyoneHas(after + event);
    const got = received.get(after + event) ?? [];
    latencies.push(...got);
    if (got.length === N) complete += 1;
  }
  const latency = summarize("delivery", latencies);
  const max = Math.max(...latencies);
  const perSubscriberKiB = (serverAfter.total - serverBefore.total) / N / 1024;
  const routerPerSubscriberKiB = (serverAfter.router - serverBefore.router) / N / 1024;
  const lines = [
    "## Subscription fan-out (graphql-ws through the router)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:fanout\` (BENCH_SUBSCRIBERS=${N}, BENCH_EVENTS=${env.BENCH_EVENTS}).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, load average ${machine.loadAverage} at start.`,
    "",
    "Topology: `npm run start:prod` (each subgraph its own process, router with 2 workers) on a throwaway PostgreSQL;",
    "the subscribers are graphql-ws clients in the benchmark process on the same 2 cores, each its own socket,",
    "all watching one order as the demo customer (one event → N deliveries, the worst case for one event).",
    "Selection: `orderUpdated(orderId, afterSequence) { status change { sequence type occurredAt } }`.",
    "Latency: the event's commit time in orders (`change.occurredAt`) → the payload parsed at the client.",
    "",
    "| subscribers | connect + subscribe | failed | events | deliveries | complete events | p50 | p99 | max | server memory / subscriber | router share |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| ${N.toLocaleString("en")} | ${connectSeconds.toFixed(1)} s | ${failures.length} | ${env.BENCH_EVENTS} | ${latencies.length.toLocaleString("en")} | ${complete}/${env.BENCH_EVENTS} | ${latency.p50.toFixed(0)} ms | ${latency.p99.toFixed(0)} ms | ${max.toFixed(0)} ms | ${perSubscriberKiB.toFixed(1)} KiB | ${routerPerSubscriberKiB.toFixed(1)} KiB |`,
    "",
    "Server memory is the resident-set growth of every server process (router workers, subgraphs) between",
    "before the first socket and after every subscriber received the first event, divided by the subscribers.",
    ...(failures.length > 0
      ? ["", `Failed subscriptions, by reason: ${[...tally(failures)].map(([why, n]) => `${n} × ${why}`).join("; ")}.`]
      : []),
  ];
  console.log(lines.join("\n"));
  writeDocSection(env.BENCH_REPORT, "fanout", lines.join("\n"));

  function connectSubscriber(): Promise<void> {
    return new Promise((resolve, reject) => {
      const client = createClient({
        url: routerUrl.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${customer.token}` },
        retryAttempts: 0,
        lazy: false,
        on: { connected: () => resolve() },
      });
      clients.push(client);
      client.subscribe<{ orderUpdated: { change: { sequence: number; occurredAt: string } } }>(
        {
          query: `subscription($id: ID!, $after: Int) { orderUpdated(orderId: $id, afterSequence: $after) { status change { sequence type occurredAt } } }`,
          variables: { id: order.id, after },
        },
        {
          next: (result) => {
            if (result.errors) failures.push(describe(result.errors));
            const delivered = result.data?.orderUpdated.change;
            if (!delivered) return;
            const list = received.get(delivered.sequence) ?? [];
            list.push(Date.now() - Date.parse(delivered.occurredAt));
            received.set(delivered.sequence, list);
          },
          error: (error) => {
            const reason = describe(error);
            failures.push(reason);
            reject(new Error(reason));
          },
          complete: () => {},
        },
      );
    });
  }

  /**
   * Waits until every live subscriber has `sequence`; gives up once nothing new arrived for 15 s
   * (a subscription that failed never will) and says how many got it.
   */
  async function everyoneHas(sequence: number): Promise<void> {
    const live = () => N - failures.length;
    let seen = -1;
    let lastProgress = Date.now();
    for (;;) {
      const got = received.get(sequence)?.length ?? 0;
      if (got >= live()) return;
      if (got !== seen) {
        seen = got;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > 15_000) {
        console.warn(`bench:fanout: only ${got}/${N} got sequence ${sequence}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
} finally {
  await Promise.allSettled(clients.map((client) => client.dispose()));
  await deployment.stop();
  await database.close();
}

function tally(reasons: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return counts;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e) => (e as { message?: string }).message ?? String(e)).join("; ");
  if (typeof error === "object" && error !== null && "code" in error) {
    const close = error as { code: number; reason?: string };
    return `closed ${close.code} ${close.reason ?? ""}`.trim();
  }
  return String(error);
}

/** Resident memory of the whole deployment and of the router's processes. */
function serverMemory(child: ChildProcess): { total: number; router: number } {
  const tree = processTree(child.pid ?? 0).filter((p) => p.pid !== child.pid);
  const sum = (list: typeof tree) => list.reduce((bytes, p) => bytes + residentBytes(p.pid), 0);
  return { total: sum(tree), router: sum(tree.filter((p) => p.command.includes("router/src/index.ts"))) };
}

/** `npm run start:prod` as a child, ready when the router's /readyz answers. */
async function startDeployment(databaseUrl: string, port: number) {
  const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const [users, catalog, orders, sellers, recommendations] = ports.map(String);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start-prod.ts"], {
    cwd: root,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: `${root}tsconfig.json`,
      DATABASE_URL: databaseUrl,
      SERVICE_TOKEN: "fanout-bench-service-token-0123456789abcdef",
      AUTH_SIGNING_KEYS: JSON.stringify({ keys: [await generatePrivateJwk()] }),
      PORT: String(port),
      USERS_PORT: users,
      CATALOG_PORT: catalog,
      ORDERS_PORT: orders,
      SELLERS_PORT: sellers,
      RECOMMENDATIONS_PORT: recommendations,
      ROUTER_WORKERS: "2",
      // One user holds all N subscriptions here; a per-user cost budget is not what is measured.
      ROUTER_RATE_LIMIT: "false",
      PAYMENT_PROVIDER: "sandbox",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`start:prod exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error("start:prod was not ready within 180 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
