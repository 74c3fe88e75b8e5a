import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SearchApi, startSearchApi } from "./search-api.fixtures";

/** The N+1 guard for search: what a search costs does not depend on how many results it shows. */
let api: SearchApi;
beforeAll(async () => {
  api = await startSearchApi();
});
afterAll(() => api?.stop());

async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
  api.counter.reset();
  const res = await api.gql(query, variables);
  expect(res.body.errors).toBeUndefined();
  return api.counter.count;
}

describe("statements per search", () => {
  it("are the same for 5 and 50 results with nested lists, entities and facets", async () => {
    const query = `query($first: Int) { search(query: "trail shoe", first: $first) {
      totalCount
      facets { categories { category { name } count } sellers { seller { id } count } brands { brand count } attributes { key } }
      products { edges { node { title variants { sku product { id } } category { name productCount }
        reviews(first: 2) { totalCount edges { node { rating } } } } } } } }`;
    const few = await statements(query, { first: 5 });
    const many = await statements(query, { first: 50 });
    expect(many).toBe(few);
    // Words, the ranked page, products, facets, facet categories, then the nested fields' loaders.
    expect(few).toBeLessThanOrEqual(10);
  });

  it("are three for a bare page: word expansion, the scored page with its total, the page's products", async () => {
    expect(await statements(`{ search(query: "trail") { totalCount } }`, {})).toBe(3);
  });

  it("are the same for 2 and 20 suggestions", async () => {
    const query = `query($first: Int) { searchSuggestions(prefix: "trail sh", first: $first) { text product { title } category { name } } }`;
    expect(await statements(query, { first: 20 })).toBe(await statements(query, { first: 2 }));
  });
});
