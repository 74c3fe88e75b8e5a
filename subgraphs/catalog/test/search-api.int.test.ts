import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "./harness";
import { type SearchApi, startSearchApi } from "./search-api.fixtures";

let api: SearchApi;
beforeAll(async () => {
  api = await startSearchApi();
});
afterAll(() => api?.stop());

const SEARCH = `query($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    products { totalCount edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage endCursor } }
  } }`;

interface Page {
  totalCount: number;
  products: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}
const search = (variables: Record<string, unknown>) => api.gql<{ search: Page }>(SEARCH, variables);

describe("search", () => {
  it("finds a product despite a transposed letter, with its rank and count", async () => {
    const res = await search({ query: "Voltra headphnoes" });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.search.totalCount).toBe(1);
    expect(res.body.data?.search.products.edges.map((e) => e.node)).toEqual([
      { id: "prd_c01", title: "Voltra Wireless Headphones" },
    ]);
  });

  it("pages with opaque cursors that only the same search accepts", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await search({ query: "trail shoe", first: 7, after });
      const page = res.body.data!.search;
      expect(page.products.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.products.edges.map((e) => e.node.id));
      if (!page.products.pageInfo.hasNextPage) break;
      after = page.products.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const other = await search({
      query: "trail",
      first: 7,
      after: (await search({ query: "trail shoe", first: 7 })).body.data?.search.products.pageInfo.endCursor,
    });
    expect(errorCode(other.body)).toBe("BAD_USER_INPUT");
    expect(other.body.errors?.[0]?.message).toMatch(/another search/);
  });

  it.each([
    ["a malformed cursor", { query: "x", after: "nope" }],
    [
      "a forged position",
      { query: "x", after: Buffer.from(JSON.stringify(["search", "f", "NaN", "1", "p"])).toString("base64url") },
    ],
    ["first=0", { query: "x", first: 0 }],
    ["first=101", { query: "x", first: 101 }],
    ["a query over 200 characters", { query: "a".repeat(201) }],
    ["more than ten words", { query: "a b c d e f g h i j k" }],
    ["priceMin above priceMax", { query: "x", filter: { priceMin: 10, priceMax: 5 } }],
    ["a negative price", { query: "x", filter: { priceMin: -1 } }],
    ["minRating above 5", { query: "x", filter: { minRating: 6 } }],
  ])("rejects %s as BAD_USER_INPUT", async (_, variables) => {
    expect(errorCode((await search(variables)).body)).toBe("BAD_USER_INPUT");
  });

  it("returns facets whose values resolve to categories and sellers", async () => {
    const res = await api.gql<{ search: { facets: Record<string, unknown[]> } }>(
      `{ search(query: "lamp") { facets {
        categories { category { id name } count } brands { brand count } prices { priceMin priceMax count }
        ratings { minRating count } sellers { seller { id } count } attributes { key value count } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.search.facets).toEqual({
      categories: [
        { category: { id: "cat_home", name: "Home" }, count: 2 },
        { category: { id: "cat_lighting", name: "Lighting" }, count: 2 },
      ],
      brands: [
        { brand: "Copperline", count: 1 },
        { brand: "Nordhem", count: 1 },
      ],
      prices: [
        { priceMin: 2_500, priceMax: 4_999, count: 1 },
        { priceMin: 5_000, priceMax: 9_999, count: 1 },
      ],
      ratings: [
        { minRating: 4, count: 1 },
        { minRating: 3, count: 2 },
        { minRating: 2, count: 2 },
        { minRating: 1, count: 2 },
      ],
      sellers: [
        { seller: { id: "sel_a" }, count: 1 },
        { seller: { id: "sel_b" }, count: 1 },
      ],
      attributes: [
        { key: "Material", value: "Brass", count: 1 },
        { key: "Material", value: "Oak", count: 1 },
      ],
    });
  });
});

describe("searchSuggestions", () => {
  it("suggests categories, brands and products, resolving what they name", async () => {
    const res = await api.gql(
      `{ searchSuggestions(prefix: "voltr", first: 5) { kind text product { id } category { id } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.searchSuggestions).toEqual([
      { kind: "BRAND", text: "Voltra", product: null, category: null },
      { kind: "PRODUCT", text: expect.stringMatching(/^Voltra /), product: { id: expect.any(String) }, category: null },
      { kind: "PRODUCT", text: expect.stringMatching(/^Voltra /), product: { id: expect.any(String) }, category: null },
    ]);
  });

  it.each([0, 21])("rejects first=%s", async (first) => {
    const res = await api.gql(`query($first: Int) { searchSuggestions(prefix: "a", first: $first) { text } }`, {
      first,
    });
    expect(errorCode(res.body)).toBe("BAD_USER_INPUT");
  });
});
