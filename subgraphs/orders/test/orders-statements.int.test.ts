import { createDatabase } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { testIdentities } from "./auth.fixtures";
import { entitiesClient, representations } from "./entities";
import { insertOrder } from "./fixtures";

let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let entities: ReturnType<typeof entitiesClient>;
const orderIds: string[] = [];

interface OrderView {
  lines: unknown[];
  fulfillments: { id: string; lines: unknown[] }[];
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  const identities = await testIdentities();
  server = await (await createServer({ db, verifyToken: identities.verifyToken, maintenanceIntervalMs: 0 })).listen(0);
  const admin = await identities.headers("usr_admin", ["CUSTOMER", "ADMIN"]);
  entities = entitiesClient(graphqlClient(`${server.url}/graphql`, admin));
  for (let i = 0; i < 50; i += 1) {
    const { order } = await insertOrder(testDb.db, {
      lines: [{ sellerId: "sel_a" }, { sellerId: "sel_a" }, { sellerId: `sel_${i % 7}` }],
    });
    orderIds.push(order.id as string);
  }
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("statements per request", () => {
  it("resolves 5 or 50 orders with their lines and fulfillments in the same three statements", async () => {
    const statements: Record<number, string[]> = {};
    for (const n of [5, 50]) {
      counter.reset();
      const resolved = await entities<OrderView>(
        "... on Order { lines { sku product { id } } fulfillments { status lines { id } } }",
        representations("Order", orderIds.slice(0, n)),
      );
      expect(resolved).toHaveLength(n);
      for (const order of resolved) {
        expect(order?.lines).toHaveLength(3);
        expect(order?.fulfillments.flatMap((f) => f.lines)).toHaveLength(3);
      }
      statements[n] = [...counter.statements];
    }
    // Orders by id, lines by order id (shared by Order.lines and Fulfillment.lines), fulfillments by order id.
    expect(statements[5]).toHaveLength(3);
    expect(statements[50]).toHaveLength(3);
  });

  it("resolves fulfillments by id with their lines and orders in the same statements for 5 or 50", async () => {
    const orders = await entities<OrderView>(
      "... on Order { fulfillments { id } }",
      representations("Order", orderIds),
    );
    const fulfillmentIds = orders.flatMap((order) => order?.fulfillments.map((f) => f.id) ?? []);
    const counts: number[] = [];
    for (const n of [5, 50]) {
      counter.reset();
      const resolved = await entities(
        "... on Fulfillment { status lines { sku } order { number } }",
        representations("Fulfillment", fulfillmentIds.slice(0, n)),
      );
      expect(resolved).toHaveLength(n);
      counts.push(counter.count);
    }
    // Fulfillments by id, then lines and orders by order id.
    expect(counts).toEqual([3, 3]);
  });
});
