import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatePrivateJwk } from "@bazaar/auth";
import { SUBGRAPHS } from "@bazaar/stack";
import { createTestDatabase, freePort, graphqlClient, subscribe, type TestDatabase, wsClient } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, DEMO_ACCOUNTS, type PaidOrder, placePaidOrder, signIn } from "../e2e/shopper";
import { seedDemoData } from "../seed/index";
import { type Service, startService, stopService, waitUntilOk } from "./supervisor";

// Separate processes on one PostgreSQL, as production runs them: the four other subgraphs once,
// orders twice (A and B), and two routers, router A talking to orders A and router B to orders B.
// Events cross processes only through the outbox, the relays and the Postgres bus.
const root = fileURLToPath(new URL("../..", import.meta.url));
const READY_MS = 180_000;
let db: TestDatabase;
const services = new Map<string, Service>();
const ports: Record<string, number> = {};
let env: NodeJS.ProcessEnv;
const local = (port: number | undefined, path = "/graphql") => `http://127.0.0.1:${port}${path}`;

function start(name: string, entry: string, extra: NodeJS.ProcessEnv = {}): Service {
  const service = startService(name, entry, { ...env, PORT: String(ports[name]), ...extra }, root);
  services.set(name, service);
  return service;
}

const startOrders = (name: "ordersA" | "ordersB") => start(name, join("subgraphs", "orders", "src", "index.ts"));
const startRouter = (name: "routerA" | "routerB", orders: "ordersA" | "ordersB") =>
  start(name, join("router", "src", "index.ts"), { SUBGRAPH_ORDERS_URL: local(ports[orders]), ROUTER_WORKERS: "1" });

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.db, { scale: 0.05 });
  const names = ["users", "catalog", "sellers", "recommendations", "ordersA", "ordersB", "routerA", "routerB"];
  for (const name of names) ports[name] = await freePort();
  const urlOf = (subgraph: string) => local(ports[subgraph === "orders" ? "ordersA" : subgraph]);
  env = {
    ...process.env,
    NODE_ENV: "production",
    TSX_TSCONFIG_PATH: `${root}tsconfig.json`,
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: "6",
    SERVICE_TOKEN: "multi-process-test-service-token-0123456789",
    AUTH_SIGNING_KEYS: JSON.stringify({ keys: [await generatePrivateJwk()] }),
    AUTH_JWKS_URL: local(ports.users, "/.well-known/jwks.json"),
    PAYMENT_PROVIDER: "sandbox",
    LOG_LEVEL: "warn",
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_URL`, urlOf(name)])),
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`SUBGRAPH_${name.toUpperCase()}_URL`, urlOf(name)])),
  };
  for (const name of ["users", "catalog", "sellers", "recommendations"]) start(name, join("subgraphs", name, "src", "index.ts"));
  startOrders("ordersA");
  startOrders("ordersB");
  await Promise.all(
    [...services.values()].map((service) => waitUntilOk(service, local(ports[service.name], "/healthz"), READY_MS)),
  );
  startRouter("routerA", "ordersA");
  startRouter("routerB", "ordersB");
  await Promise.all(
    ["routerA", "routerB"].map((name) =>
      waitUntilOk(services.get(name) as Service, local(ports[name], "/readyz"), READY_MS),
    ),
  );
}, 300_000);

afterAll(async () => {
  await Promise.all([...services.values()].map((service) => stopService(service)));
  await db?.drop();
}, 60_000);

const ORDER_UPDATED = `subscription($id: ID!, $after: Int) {
  orderUpdated(orderId: $id, afterSequence: $after) {
    status change { sequence type }
    lines { product { title seller { name } } }
  }
}`;

/** The delivered payload, failing the test on errors. */
function delivered(result: { errors?: unknown; data?: Record<string, unknown> | null }): Delivery {
  expect(result.errors).toBeUndefined();
  return result.data?.orderUpdated as Delivery;
}

interface Delivery {
  status: string;
  change: { sequence: number; type: string };
  lines: { product: { title: string; seller: { name: string } } }[];
}

describe("the live graph across processes on one PostgreSQL", () => {
  const [customerAccount, , adminAccount] = DEMO_ACCOUNTS;
  const routerA = () => graphqlClient(local(ports.routerA));
  const routerB = () => graphqlClient(local(ports.routerB));
  let order: PaidOrder;
  let customerToken: string;
  let adminHeaders: Record<string, string>;

  const lastSequence = async (gql: ReturnType<typeof graphqlClient>) => {
    const data = await call<{ order: { events: { sequence: number }[] } }>(
      gql,
      `query($id: ID!) { order(id: $id) { events { sequence } } }`,
      { id: order.id },
      { authorization: `Bearer ${customerToken}` },
    );
    return Math.max(...data.order.events.map((event) => event.sequence));
  };

  const subscribeOn = (router: "routerA" | "routerB", after: number) =>
    subscribe(
      wsClient(local(ports[router]).replace(/^http/, "ws"), { authorization: `Bearer ${customerToken}` }),
      ORDER_UPDATED,
      { id: order.id, after },
    );

  const refundOneCent = (gql: ReturnType<typeof graphqlClient>) =>
    call(
      gql,
      `mutation($id: ID!) { refundOrder(input: { orderId: $id, amount: 1 }) { userErrors { code } } }`,
      { id: order.id },
      adminHeaders,
    );

  it("delivers to a subscriber on router A a change made through orders B, with other subgraphs' fields", async () => {
    const customer = await signIn(routerB(), customerAccount);
    customerToken = customer.token;
    adminHeaders = (await signIn(routerB(), adminAccount)).headers;
    order = await placePaidOrder(routerB(), customer.headers);
    const after = await lastSequence(routerA());
    const updates = subscribeOn("routerA", after);

    await call(
      routerB(),
      `mutation($id: ID!) { markFulfillmentShipped(input: { fulfillmentId: $id }) { userErrors { code } } }`,
      { id: order.fulfillments[0]?.id },
      adminHeaders,
    );
    const shipped = delivered(await updates.next());
    expect(shipped.change).toEqual({ sequence: after + 1, type: "FULFILLMENT_SHIPPED" });
    for (const line of shipped.lines) expect(line.product.seller.name).toEqual(expect.any(String));
    updates.dispose();
  });

  it("still delivers every event when the producing process is killed before or while relaying it", async () => {
    const after = await lastSequence(routerA());
    const updates = subscribeOn("routerA", after);
    for (let i = 0; i < 10; i += 1) await refundOneCent(routerB());
    // Killed without a chance to finish: whatever orders B had claimed rolls back, and orders A's
    // relay (the other process on the same outbox) publishes it.
    const ordersB = services.get("ordersB") as Service;
    ordersB.child.kill("SIGKILL");
    await ordersB.exited;

    const sequences: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      sequences.push(delivered(await updates.next()).change.sequence);
    }
    expect(sequences).toEqual(Array.from({ length: 10 }, (_, i) => after + 1 + i));
    updates.dispose();

    // Back up, orders B serves the whole timeline again through router B.
    const restarted = startOrders("ordersB");
    await waitUntilOk(restarted, local(ports.ordersB, "/healthz"), READY_MS);
    const replay = subscribeOn("routerB", after);
    expect(delivered(await replay.next()).change.sequence).toBe(after + 1);
    replay.dispose();
  });
});
