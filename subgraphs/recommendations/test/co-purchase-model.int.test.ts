import { tables } from "@bazaar/drizzle";
import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildCoPurchaseModel } from "../src/server";
import { coPurchaseRows, interact, purchase } from "./fixtures";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe("rebuildCoPurchaseModel", () => {
  it("counts, for each ordered pair of products, the orders that contained both", async () => {
    await purchase(testDb.db, "ord_1", ["prd_a", "prd_b", "prd_c"]);
    await purchase(testDb.db, "ord_2", ["prd_a", "prd_b"]);
    await purchase(testDb.db, "ord_3", ["prd_a"]);
    // Two lines of one product (e.g. two variants) still make one order.
    await purchase(testDb.db, "ord_4", ["prd_b", "prd_c", "prd_c"]);

    expect(await rebuildCoPurchaseModel(testDb.db)).toEqual({ pairs: 6 });
    expect(await coPurchaseRows(testDb.db)).toEqual([
      "prd_a>prd_b:2",
      "prd_a>prd_c:1",
      "prd_b>prd_a:2",
      "prd_b>prd_c:2",
      "prd_c>prd_a:1",
      "prd_c>prd_b:2",
    ]);
  });

  it("ignores views, wishlist adds and purchases outside an order", async () => {
    await interact(testDb.db, { productId: "prd_a", kind: "VIEW", orderId: "ord_1" });
    await interact(testDb.db, { productId: "prd_x", kind: "WISHLIST", orderId: "ord_1" });
    await interact(testDb.db, { productId: "prd_y", kind: "PURCHASE", orderId: null });
    await rebuildCoPurchaseModel(testDb.db);
    const rows = await coPurchaseRows(testDb.db);
    expect(rows).toHaveLength(6);
    expect(rows.join()).not.toMatch(/prd_x|prd_y/);
  });

  it("is idempotent and replaces the previous model", async () => {
    const before = await coPurchaseRows(testDb.db);
    await rebuildCoPurchaseModel(testDb.db);
    await rebuildCoPurchaseModel(testDb.db);
    expect(await coPurchaseRows(testDb.db)).toEqual(before);

    await testDb.db.delete(tables.interactions);
    await purchase(testDb.db, "ord_9", ["prd_p", "prd_q"]);
    expect(await rebuildCoPurchaseModel(testDb.db)).toEqual({ pairs: 2 });
    expect(await coPurchaseRows(testDb.db)).toEqual(["prd_p>prd_q:1", "prd_q>prd_p:1"]);
  });

  it("is safe to run concurrently", async () => {
    const results = await Promise.all([1, 2, 3].map(() => rebuildCoPurchaseModel(testDb.db)));
    expect(results).toEqual([{ pairs: 2 }, { pairs: 2 }, { pairs: 2 }]);
  });
});
