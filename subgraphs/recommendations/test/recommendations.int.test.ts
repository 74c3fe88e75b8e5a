import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildCoPurchaseModel } from "../src/server";
import { daysAgo, errorCodes, purchase, startSubgraph } from "./fixtures";

let testDb: TestDatabase;
let subgraph: Awaited<ReturnType<typeof startSubgraph>>;

const ids = (list: { id: string }[] | undefined) => list?.map((p) => p.id);
const anchor = (fields: string) =>
  subgraph.gql<{ _entities: Record<string, { id: string }[]>[] }>(
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { ${fields} } } }`,
    { reps: [{ __typename: "Product", id: "prd_anchor" }] },
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  subgraph = await startSubgraph(testDb);
  // Bought together two months ago: shapes the co-purchase model but not what is trending.
  const old = { at: daysAgo(60) };
  await purchase(testDb.db, "ord_1", ["prd_anchor", "prd_b", "prd_c", "prd_d"], old);
  await purchase(testDb.db, "ord_2", ["prd_anchor", "prd_b", "prd_c", "prd_d"], old);
  await purchase(testDb.db, "ord_3", ["prd_anchor", "prd_c", "prd_b", "prd_a"], old);
  // Trending now: t1 10 units, anchor 9, b 8, t2 7, t3 5.
  await purchase(testDb.db, "ord_4", ["prd_t1"], { quantity: 10 });
  await purchase(testDb.db, "ord_5", ["prd_anchor"], { quantity: 9 });
  await purchase(testDb.db, "ord_6", ["prd_b"], { quantity: 8 });
  await purchase(testDb.db, "ord_7", ["prd_t2"], { quantity: 7 });
  await purchase(testDb.db, "ord_8", ["prd_t3"], { quantity: 5 });
  await rebuildCoPurchaseModel(testDb.db);
});

afterAll(async () => {
  await subgraph?.server.stop();
  await testDb?.drop();
});

describe("Product.frequentlyBoughtTogether", () => {
  it("ranks products by the number of shared orders, ties by id, three by default", async () => {
    const res = await anchor("all: frequentlyBoughtTogether(first: 10) { id } byDefault: frequentlyBoughtTogether { id }");
    expect(res.body.errors).toBeUndefined();
    const [product] = res.body.data?._entities ?? [];
    // b and c share 3 orders with the anchor (tie broken by id), d 2, a 1.
    expect(ids(product?.all)).toEqual(["prd_b", "prd_c", "prd_d", "prd_a"]);
    expect(ids(product?.byDefault)).toEqual(["prd_b", "prd_c", "prd_d"]);
  });
});

describe("Product.recommendations", () => {
  it("lists co-purchases first, four by default", async () => {
    const res = await anchor("byDefault: recommendations { id } two: recommendations(first: 2) { id }");
    const [product] = res.body.data?._entities ?? [];
    expect(ids(product?.byDefault)).toEqual(["prd_b", "prd_c", "prd_d", "prd_a"]);
    expect(ids(product?.two)).toEqual(["prd_b", "prd_c"]);
  });

  it("tops up with trending products, skipping the product itself and those already listed", async () => {
    const res = await anchor("recommendations(first: 7) { id }");
    const [product] = res.body.data?._entities ?? [];
    expect(ids(product?.recommendations)).toEqual(["prd_b", "prd_c", "prd_d", "prd_a", "prd_t1", "prd_t2", "prd_t3"]);
  });

  it("falls back to trending for a product nobody bought together with anything", async () => {
    const res = await subgraph.gql<{ _entities: { recommendations: { id: string }[]; frequentlyBoughtTogether: [] }[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Product { id recommendations { id } frequentlyBoughtTogether { id } } } }`,
      { reps: [{ __typename: "Product", id: "prd_new" }] },
    );
    expect(res.body.data?._entities).toEqual([
      {
        id: "prd_new",
        recommendations: [{ id: "prd_t1" }, { id: "prd_anchor" }, { id: "prd_b" }, { id: "prd_t2" }],
        frequentlyBoughtTogether: [],
      },
    ]);
  });

  it.each([0, 51, -1])("refuses first=%s with BAD_USER_INPUT", async (first) => {
    const res = await anchor(`recommendations(first: ${first}) { id }`);
    expect(errorCodes(res)).toEqual(["BAD_USER_INPUT"]);
    const together = await anchor(`frequentlyBoughtTogether(first: ${first}) { id }`);
    expect(errorCodes(together)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("batching", () => {
  const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product {
    id few: recommendations(first: 2) { id } many: recommendations(first: 9) { id } frequentlyBoughtTogether { id } } } }`;
  const reps = (n: number) =>
    ["prd_anchor", "prd_new", ...Array.from({ length: n }, (_, i) => `prd_r${i}`)]
      .slice(0, n)
      .map((id) => ({ __typename: "Product", id }));

  it("costs the same two statements for 5 and for 50 products: one ranking, one trending", async () => {
    const counts: number[] = [];
    for (const n of [5, 50]) {
      subgraph.counter.reset();
      const res = await subgraph.gql<{ _entities: { id: string; few: unknown[]; many: unknown[] }[] }>(query, {
        reps: reps(n),
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?._entities).toHaveLength(n);
      for (const product of res.body.data?._entities ?? []) {
        expect(product.few).toHaveLength(2);
        expect(product.many.length).toBeGreaterThanOrEqual(5);
      }
      counts.push(subgraph.counter.count);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(2);
  });

  it("shares the one trending lookup between trendingProducts and every top-up", async () => {
    subgraph.counter.reset();
    const res = await subgraph.gql(
      `query($reps: [_Any!]!) { trendingProducts(first: 3) { id }
        _entities(representations: $reps) { ... on Product { recommendations(first: 6) { id } } } }`,
      { reps: reps(10) },
    );
    expect(res.body.errors).toBeUndefined();
    expect(subgraph.counter.statements.filter((s) => /sum\(/.test(s))).toHaveLength(1);
  });
});
