import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysAgo, errorCodes, interact, purchase, startSubgraph } from "./fixtures";

let testDb: TestDatabase;
let subgraph: Awaited<ReturnType<typeof startSubgraph>>;

const trending = async (args = "") => {
  const res = await subgraph.gql<{ trendingProducts: { id: string }[] }>(`{ trendingProducts${args} { id } }`);
  return { res, ids: res.body.data?.trendingProducts.map((p) => p.id) };
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  subgraph = await startSubgraph(testDb);
  // Quantities add up across orders: 2 + 3 = 5 units.
  await purchase(testDb.db, "ord_1", ["prd_steady"], { quantity: 2, at: daysAgo(3) });
  await purchase(testDb.db, "ord_2", ["prd_steady"], { quantity: 3, at: daysAgo(20) });
  // Inside the window, just.
  await purchase(testDb.db, "ord_3", ["prd_edge"], { quantity: 4, at: daysAgo(29) });
  // Outside it: last month's best seller no longer trends.
  await purchase(testDb.db, "ord_4", ["prd_last_month"], { quantity: 100, at: daysAgo(31) });
  // Views are not purchases.
  await interact(testDb.db, { productId: "prd_viewed", kind: "VIEW", quantity: 100 });
  // A tie on units is broken by id.
  await purchase(testDb.db, "ord_5", ["prd_tie_b", "prd_tie_a"], { quantity: 1, at: daysAgo(1) });
  for (let i = 0; i < 12; i += 1) {
    await purchase(testDb.db, `ord_bulk_${i}`, [`prd_bulk_${String(i).padStart(2, "0")}`], { at: daysAgo(10) });
  }
});

afterAll(async () => {
  await subgraph?.server.stop();
  await testDb?.drop();
});

describe("Query.trendingProducts", () => {
  it("ranks products by units purchased in the last 30 days, ties by id", async () => {
    const { ids } = await trending("(first: 6)");
    expect(ids).toEqual(["prd_steady", "prd_edge", "prd_bulk_00", "prd_bulk_01", "prd_bulk_02", "prd_bulk_03"]);
    const all = await trending("(first: 50)");
    expect(all.ids).toHaveLength(16);
    expect(all.ids?.slice(-2)).toEqual(["prd_tie_a", "prd_tie_b"]);
  });

  it("leaves out purchases older than 30 days and anything that is not a purchase", async () => {
    const { ids } = await trending("(first: 50)");
    expect(ids).not.toContain("prd_last_month");
    expect(ids).not.toContain("prd_viewed");
  });

  it("returns ten by default", async () => {
    const { ids } = await trending();
    expect(ids).toHaveLength(10);
  });

  it.each([0, 51])("refuses first=%s with BAD_USER_INPUT", async (first) => {
    const { res } = await trending(`(first: ${first})`);
    expect(errorCodes(res)).toEqual(["BAD_USER_INPUT"]);
  });
});
