import { tables } from "@bazaar/drizzle";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededStack, startSeededStack } from "./seeded-stack";

let env: SeededStack;

beforeAll(async () => {
  env = await startSeededStack();
});
afterAll(() => env?.stop());

interface HomeProduct {
  id: string;
  title: string;
  priceRange: { min: { amount: number; currencyCode: string } };
  seller: { id: string; name: string; salesCount: number };
  reviews: { totalCount: number; edges: { node: { rating: number; author: { id: string; name: string } } }[] };
  recommendations: { id: string; title: string }[];
}

// One operation that needs all five subgraphs: catalog (products, reviews), sellers (seller name),
// orders (salesCount), users (review authors) and recommendations (recommendations, trending).
const HOME = /* GraphQL */ `
  query Home {
    products(first: 8, sort: POPULARITY) {
      edges {
        node {
          id
          title
          priceRange { min { amount currencyCode } }
          seller { id name salesCount }
          reviews(first: 3) { totalCount edges { node { rating author { id name } } } }
          recommendations(first: 4) { id title }
        }
      }
    }
    trendingProducts(first: 5) { id title seller { name } }
  }
`;

describe("one query through the router", () => {
  let products: HomeProduct[];
  let trending: { id: string; title: string; seller: { name: string } }[];

  beforeAll(async () => {
    const res = await env.gql<{ products: { edges: { node: HomeProduct }[] }; trendingProducts: typeof trending }>(HOME);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    products = res.body.data?.products.edges.map((e) => e.node) ?? [];
    trending = res.body.data?.trendingProducts ?? [];
  });

  it("returns the catalog's most popular products", async () => {
    expect(products).toHaveLength(8);
    const rows = await env.testDb.db
      .select({ id: tables.products.id, popularity: tables.products.popularity })
      .from(tables.products)
      .where(inArray(tables.products.id, products.map((p) => p.id)));
    const popularity = products.map((p) => rows.find((r) => r.id === p.id)?.popularity ?? -1);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
  });

  it("fills each product's seller from the sellers subgraph and its sales from orders", async () => {
    for (const product of products) {
      const [row] = await env.testDb.db.select().from(tables.products).where(eq(tables.products.id, product.id));
      const [seller] = await env.testDb.db.select().from(tables.sellers).where(eq(tables.sellers.id, row?.sellerId ?? ""));
      expect(product.seller).toMatchObject({ id: seller?.id, name: seller?.name });
    }
    expect(products.some((p) => p.seller.salesCount > 0)).toBe(true);
  });

  it("names every review author through the users subgraph", async () => {
    const authors = products.flatMap((p) => p.reviews.edges.map((e) => e.node.author));
    expect(authors.length).toBeGreaterThan(0);
    const users = await env.testDb.db
      .select({ id: tables.users.id, name: tables.users.name })
      .from(tables.users)
      .where(inArray(tables.users.id, authors.map((a) => a.id)));
    for (const author of authors) expect(author.name).toBe(users.find((u) => u.id === author.id)?.name);
  });

  it("completes recommendations with catalog titles, never the product itself", () => {
    for (const product of products) {
      expect(product.recommendations).toHaveLength(4);
      expect(product.recommendations.map((r) => r.id)).not.toContain(product.id);
      for (const recommended of product.recommendations) expect(recommended.title.length).toBeGreaterThan(0);
    }
  });

  it("serves trending products with their sellers", () => {
    expect(trending).toHaveLength(5);
    for (const item of trending) expect(item.seller.name.length).toBeGreaterThan(0);
  });
});
