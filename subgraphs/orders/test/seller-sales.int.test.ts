import { createDatabase, tables } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { entitiesClient, representations } from "./entities";
import { insertOrder } from "./fixtures";

let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let entities: ReturnType<typeof entitiesClient>;

const salesCounts = (sellerIds: string[]) =>
  entities<{ id: string; salesCount: number }>("... on Seller { id salesCount }", representations("Seller", sellerIds));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  server = await (await createServer({ db, maintenanceIntervalMs: 0 })).listen(0);
  entities = entitiesClient(graphqlClient(`${server.url}/graphql`));
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("Seller.salesCount", () => {
  it("counts units in paid and completed orders only", async () => {
    const unitsByStatus: [tables.OrderStatus, number][] = [
      ["PAID", 2],
      ["COMPLETED", 3],
      ["PENDING_PAYMENT", 5],
      ["PAYMENT_FAILED", 7],
      ["CANCELLED", 11],
      ["REFUNDED", 13],
      ["PARTIALLY_REFUNDED", 17],
    ];
    for (const [status, quantity] of unitsByStatus) {
      await insertOrder(testDb.db, { status, lines: [{ sellerId: "sel_busy", quantity }] });
    }
    expect(await salesCounts(["sel_busy"])).toEqual([{ id: "sel_busy", salesCount: 5 }]);
  });

  it("sums every line of a seller, and only that seller's lines of a shared order", async () => {
    await insertOrder(testDb.db, {
      status: "PAID",
      lines: [
        { sellerId: "sel_one", quantity: 4 },
        { sellerId: "sel_one", quantity: 1 },
        { sellerId: "sel_two", quantity: 6 },
      ],
    });
    expect(await salesCounts(["sel_one", "sel_two"])).toEqual([
      { id: "sel_one", salesCount: 5 },
      { id: "sel_two", salesCount: 6 },
    ]);
  });

  it("is 0 for a seller with no sales: orders answers for any seller id sellers resolves", async () => {
    expect(await salesCounts(["sel_quiet"])).toEqual([{ id: "sel_quiet", salesCount: 0 }]);
  });

  it("counts sales of 5 or 50 sellers with one grouped statement", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `sel_many_${i}`);
    for (const sellerId of ids.slice(0, 10)) await insertOrder(testDb.db, { lines: [{ sellerId, quantity: 2 }] });
    for (const n of [5, 50]) {
      counter.reset();
      const resolved = await salesCounts(ids.slice(0, n));
      expect(resolved).toHaveLength(n);
      expect(resolved.map((seller) => seller?.salesCount)).toEqual(ids.slice(0, n).map((_, i) => (i < 10 ? 2 : 0)));
      expect(counter.count).toBe(1);
    }
  });
});
