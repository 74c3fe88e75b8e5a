import { tables } from "@bazaar/drizzle";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchEngineFor } from "@bazaar/catalog/search";
import { type SeededStack, startSeededStack } from "./seeded-stack";

let env: SeededStack;
const { products, sellerListings } = tables;

beforeAll(async () => {
  env = await startSeededStack();
  // A no-op for Postgres search; with MEILI_HOST set it fills the index the catalog searches.
  await searchEngineFor(env.testDb.db).reindexAll();
});
afterAll(() => env?.stop());

/** Swaps two neighbouring letters after the first: the commonest typo, one edit. */
function transposed(word: string): string {
  const i = [...word].findIndex((letter, at) => at >= 1 && at < word.length - 1 && letter !== word[at + 1]);
  return `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
}

interface Facets {
  brands: { brand: string; count: number }[];
  categories: { category: { id: string; name: string }; count: number }[];
  prices: { priceMin: number; priceMax: number | null; count: number }[];
  ratings: { minRating: number; count: number }[];
  sellers: { seller: { id: string; name: string }; count: number }[];
}

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: SearchFilter, $first: Int) {
    search(query: $query, filter: $filter, first: $first) {
      totalCount
      products { edges { node { id title seller { name } } } }
    }
  }
`;

async function search(query: string, filter: Record<string, unknown> = {}, first = 10) {
  const res = await env.gql<{
    search: {
      totalCount: number;
      products: { edges: { node: { id: string; title: string; seller: { name: string } } }[] };
    };
  }>(SEARCH, { query, filter, first });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.search;
}

/** A public seeded product whose title no other product has, best sellers first. */
async function productWithUniqueTitle() {
  const db = env.testDb.db;
  const unique = db.select({ title: products.title }).from(products).groupBy(products.title).having(eq(count(), 1));
  const [product] = await db
    .select({ id: products.id, title: products.title })
    .from(products)
    .innerJoin(sellerListings, and(eq(sellerListings.sellerId, products.sellerId), eq(sellerListings.active, true)))
    .where(and(eq(products.status, "ACTIVE"), inArray(products.title, unique)))
    .orderBy(desc(products.popularity), asc(products.id))
    .limit(1);
  if (!product) throw new Error("the seed has no public product with a unique title");
  return product;
}

describe("search through the router", () => {
  it("finds a seeded product in the top 10 when a title word has one transposed letter", async () => {
    const product = await productWithUniqueTitle();
    const word = product.title
      .split(" ")
      .filter((w) => /^[A-Za-z]{5,}$/.test(w))
      .sort((a, b) => b.length - a.length)[0]!;
    const query = product.title.replace(word, transposed(word));
    expect(query).not.toBe(product.title);
    const found = await search(query);
    expect(found.products.edges.map((edge) => edge.node.id)).toContain(product.id);
    // The page is a federated one: seller names come from the sellers subgraph.
    expect(found.products.edges.every((edge) => edge.node.seller.name.length > 0)).toBe(true);
  });

  it("reports facets that agree with the filters", async () => {
    const product = await productWithUniqueTitle();
    const query = product.title.split(" ").sort((a, b) => b.length - a.length)[0]!;
    const res = await env.gql<{ search: { totalCount: number; facets: Facets } }>(
      `query($query: String!) { search(query: $query) { totalCount facets {
        brands { brand count } categories { category { id name } count } prices { priceMin priceMax count }
        ratings { minRating count } sellers { seller { id name } count } } } }`,
      { query },
    );
    expect(res.body.errors).toBeUndefined();
    const { totalCount, facets } = res.body.data!.search;
    expect(totalCount).toBeGreaterThan(1);
    // Every result has exactly one price bucket and one seller.
    expect(facets.prices.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(totalCount);
    expect(facets.sellers.reduce((sum, seller) => sum + seller.count, 0)).toBe(totalCount);
    expect(facets.sellers.every((s) => s.seller.name.length > 0)).toBe(true);
    const narrowings: [Record<string, unknown>, number][] = [
      ...facets.brands.slice(0, 3).map((b): [Record<string, unknown>, number] => [{ brand: [b.brand] }, b.count]),
      ...facets.categories
        .slice(0, 3)
        .map((c): [Record<string, unknown>, number] => [{ categoryId: c.category.id }, c.count]),
      ...facets.prices.map((p): [Record<string, unknown>, number] => [
        { priceMin: p.priceMin, priceMax: p.priceMax },
        p.count,
      ]),
      ...facets.ratings.map((r): [Record<string, unknown>, number] => [{ minRating: r.minRating }, r.count]),
      ...facets.sellers.slice(0, 3).map((s): [Record<string, unknown>, number] => [{ sellerId: s.seller.id }, s.count]),
    ];
    for (const [filter, expected] of narrowings) {
      expect({ filter, totalCount: (await search(query, filter, 1)).totalCount }).toEqual({
        filter,
        totalCount: expected,
      });
    }
  });
});
