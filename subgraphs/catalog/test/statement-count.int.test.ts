import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, startCatalog } from "./harness";

/**
 * N+1 guards: a request costs the same number of SQL statements whether it touches 5 rows or 50,
 * because every entity and list field goes through a per-request DataLoader.
 */
let catalog: Catalog;
const productIds: string[] = [];
/** The first (in-stock) variant of each product. */
const variantIds: string[] = [];

beforeAll(async () => {
  catalog = await startCatalog();
  const { fixtures } = catalog;
  const categories = [];
  for (let c = 0; c < 5; c += 1) categories.push(await fixtures.category());
  for (let i = 0; i < 50; i += 1) {
    const product = await fixtures.product({
      categoryId: categories[i % 5]!.id,
      sellerId: `sel_${i % 7}`,
      attributes: [{ key: "kind", value: "fixture" }],
      variants: [{ price: 1000 + i }, { price: 2000 + i, stock: 0 }],
      // Some products have more reviews than a page holds.
      reviews: Array.from({ length: 3 + (i % 5) }, (_, r) => ({ rating: 1 + ((i + r) % 5), authorId: `usr_${r}` })),
    });
    productIds.push(product.id);
    variantIds.push(product.variants[0]!.id);
  }
});
afterAll(() => catalog?.stop());

/** Runs the query for the first 5 and the first 50 items and returns the statements each cost. */
async function statementsFor(run: (n: number) => Promise<unknown[]>): Promise<[number, number]> {
  const counts: number[] = [];
  for (const n of [5, 50]) {
    catalog.counter.reset();
    expect(await run(n)).toHaveLength(n);
    counts.push(catalog.counter.count);
  }
  return [counts[0]!, counts[1]!];
}

async function entities(query: string, reps: { __typename: string; id: string }[]) {
  const res = await catalog.gql<{ _entities: unknown[] }>(query, { reps });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?._entities ?? [];
}

describe("statement counts", () => {
  it("_entities for Products with variants, reviews, authors, category and seller: 4 statements for 5 or 50", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product {
      title variants { sku } reviews(first: 5) { edges { node { author { id } } } } category { name } seller { id } } } }`;
    const [few, many] = await statementsFor(async (n) => {
      const result = (await entities(
        query,
        productIds.slice(0, n).map((id) => ({ __typename: "Product", id })),
      )) as {
        reviews: { edges: unknown[] };
      }[];
      expect(result.every((p) => p.reviews.edges.length >= 3 && p.reviews.edges.length <= 5)).toBe(true);
      return result;
    });
    // products, variants, one windowed page of reviews for all products, categories.
    expect(few).toBe(4);
    expect(many).toBe(few);
  });

  it("a products page with nested lists and counts costs the same for 5 or 50 products", async () => {
    const query = `query($first: Int) { products(first: $first) { edges { node {
      variants { price { amount } product { title } } reviews(first: 2) { totalCount edges { node { product { id } } } }
      category { productCount } } } } }`;
    const [few, many] = await statementsFor(async (n) => {
      const res = await catalog.gql<{ products: { edges: unknown[] } }>(query, { first: n });
      expect(res.body.errors).toBeUndefined();
      return res.body.data?.products.edges ?? [];
    });
    expect(many).toBe(few);
  });

  it("Seller.products and User.reviews for many sellers and users cost the same as for a few", async () => {
    const sellers = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Seller {
      products(first: 2) { totalCount edges { node { title } } } } } }`;
    const [fewSellers, manySellers] = await statementsFor((n) =>
      entities(
        sellers,
        Array.from({ length: n }, (_, i) => ({ __typename: "Seller", id: `sel_${i}` })),
      ),
    );
    expect(manySellers).toBe(fewSellers);
    const users = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
      reviews(first: 3) { totalCount edges { node { product { title } } } } } } }`;
    const [fewUsers, manyUsers] = await statementsFor((n) =>
      entities(
        users,
        Array.from({ length: n }, (_, i) => ({ __typename: "User", id: `usr_${i}` })),
      ),
    );
    expect(manyUsers).toBe(fewUsers);
  });

  it("_entities for variants, categories and reviews: one statement per type", async () => {
    const variantIds = (await catalog.db.query.productVariants.findMany({ columns: { id: true } })).map((v) => v.id);
    const reviewIds = (await catalog.db.query.reviews.findMany({ columns: { id: true } })).map((r) => r.id);
    const reps = (n: number) => [
      ...variantIds.slice(0, n).map((id) => ({ __typename: "ProductVariant", id })),
      ...reviewIds.slice(0, n).map((id) => ({ __typename: "Review", id })),
    ];
    catalog.counter.reset();
    const result = await entities(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on ProductVariant { sku } ... on Review { rating } } }`,
      reps(50),
    );
    expect(result).toHaveLength(100);
    expect(catalog.counter.count).toBe(2);
  });
});

describe("statement counts of the write side's lists", () => {
  it("a products page filtered by attributes costs the same for 5 or 50 products", async () => {
    const query = `query($first: Int) { products(first: $first, filter: { attributes: [{ key: "kind", value: "fixture" }] }) {
      totalCount edges { node { attributes { key } options { name } variants { sku } } } } }`;
    const [few, many] = await statementsFor(async (n) => {
      const res = await catalog.gql<{ products: { edges: unknown[] } }>(query, { first: n });
      expect(res.body.errors).toBeUndefined();
      return res.body.data?.products.edges ?? [];
    });
    expect(many).toBe(few);
  });

  it("reserving, committing and releasing 5 or 50 lines costs the same statements", async () => {
    const RESERVE = `mutation($input: ReserveStockInput!) { reserveStock(input: $input) {
      reservation { lines { variantId unitPrice { amount } } } userErrors { code } } }`;
    const COMMIT = `mutation($input: CommitReservationInput!) { commitReservation(input: $input) { reservation { lines { sku } } } }`;
    const RELEASE = `mutation($input: ReleaseReservationInput!) { releaseReservation(input: $input) { reservation { lines { sku } } } }`;
    const costs: number[][] = [];
    for (const n of [5, 50]) {
      const orderId = `ord_count${n}`;
      const cost: number[] = [];
      for (const [mutation, input] of [
        [RESERVE, { orderId, ttlSeconds: 60, lines: variantIds.slice(0, n).map((variantId) => ({ variantId, quantity: 1 })) }],
        [COMMIT, { orderId }],
        [RELEASE, { orderId }],
      ] as const) {
        catalog.counter.reset();
        const res = await catalog.gql(mutation, { input });
        expect(res.body.errors).toBeUndefined();
        expect(JSON.stringify(res.body.data)).not.toContain('"code"');
        cost.push(catalog.counter.count);
      }
      costs.push(cost);
    }
    expect(costs[1]).toEqual(costs[0]);
  });
});
