import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RecordedMeili, startRecordedMeili } from "./meili-engine.fixtures";

/** What the Meilisearch adapter asks a server when searching (see meili-engine.fixtures.ts). */
const FACETS = ["categoryIds", "brand", "priceBucket", "ratingAtLeast", "sellerId", "attributes"];
let world: RecordedMeili;
beforeAll(async () => {
  world = await startRecordedMeili();
});
afterAll(() => world?.stop());
beforeEach(() => world.meili.clear());

describe("search", () => {
  beforeEach(() => {
    world.meili.replies.search = (request) => {
      const { page, hitsPerPage } = request.body as { page: number; hitsPerPage: number };
      const ids = ["prd_c01", "prd_c02", "prd_c03", "prd_c04", "prd_c05"];
      return {
        hits: ids.slice((page - 1) * hitsPerPage, page * hitsPerPage).map((id) => ({ id })),
        totalHits: ids.length,
        page,
        hitsPerPage,
        totalPages: Math.ceil(ids.length / hitsPerPage),
        facetDistribution: {
          brand: { Voltra: 2, Nimbus: 3 },
          priceBucket: { "3": 4, "4": 1 },
          ratingAtLeast: { "4": 2, "3": 5 },
          categoryIds: { cat_elec: 5, cat_phones: 3 },
          sellerId: { sel_a: 5 },
          attributes: { '["Colour","Black"]': 3, "not json": 9 },
        },
      };
    };
  });

  it("sends the words, the filter in array form, every facet, exact paging and ids only", async () => {
    await world.engine.search({
      query: "  Wireless, HEADPHONES!",
      filter: {
        categoryId: "cat_audio",
        sellerId: "sel_a",
        brands: ["Voltra", 'Say "hi" \\o/'],
        priceMin: 1_000,
        priceMax: 9_999,
        minRating: 3.5,
        inStock: true,
        attributes: [
          { key: "Colour", value: "Black" },
          { key: "Colour", value: "White" },
          { key: "Connectivity", value: "Wired" },
        ],
      },
      first: 2,
      after: null,
    });
    expect(world.meili.requests).toEqual([expect.objectContaining({ method: "POST", path: "/indexes/shop/search" })]);
    expect(world.meili.requests[0]?.body).toEqual({
      q: "wireless headphones",
      filter: [
        'categoryIds = "cat_audio"',
        'sellerId = "sel_a"',
        ['brand = "Voltra"', 'brand = "Say \\"hi\\" \\\\o/"'],
        "price >= 1000",
        "price <= 9999",
        "rating >= 3.5",
        "inStock = true",
        ['attributes = "[\\"Colour\\",\\"Black\\"]"', 'attributes = "[\\"Colour\\",\\"White\\"]"'],
        ['attributes = "[\\"Connectivity\\",\\"Wired\\"]"'],
      ],
      facets: FACETS,
      hitsPerPage: 2,
      page: 1,
      attributesToRetrieve: ["id"],
      matchingStrategy: "all",
    });
  });

  it("maps hits to offset cursors and the facet distribution to facet counts", async () => {
    const result = await world.engine.search({ query: "x", filter: {}, first: 2, after: null });
    expect(result.hits).toEqual([
      { productId: "prd_c01", cursor: ["1"] },
      { productId: "prd_c02", cursor: ["2"] },
    ]);
    expect(result).toMatchObject({ hasNextPage: true, totalCount: 5 });
    expect(await result.facets).toEqual({
      categories: [
        { value: "cat_elec", count: 5 },
        { value: "cat_phones", count: 3 },
      ],
      brands: [
        { value: "Voltra", count: 2 },
        { value: "Nimbus", count: 3 },
      ],
      prices: [
        { value: { priceMin: 5_000, priceMax: 9_999 }, count: 4 },
        { value: { priceMin: 10_000, priceMax: 24_999 }, count: 1 },
      ],
      // Raw counts in the distribution's key order; the service sorts (see shapeFacets).
      ratings: [
        { value: 3, count: 5 },
        { value: 4, count: 2 },
      ],
      sellers: [{ value: "sel_a", count: 5 }],
      attributes: [{ value: { key: "Colour", value: "Black" }, count: 3 }],
    });
  });

  it("continues from a cursor on the next page, or from page 1 when the page size changed", async () => {
    const next = await world.engine.search({ query: "x", filter: {}, first: 2, after: ["2"] });
    expect(world.meili.requests.at(-1)?.body).toMatchObject({ page: 2, hitsPerPage: 2 });
    expect(next.hits.map((h) => h.cursor)).toEqual([["3"], ["4"]]);
    const resized = await world.engine.search({ query: "x", filter: {}, first: 2, after: ["3"] });
    expect(world.meili.requests.at(-1)?.body).toMatchObject({ page: 1, hitsPerPage: 5 });
    expect(resized.hits.map((h) => h.productId)).toEqual(["prd_c04", "prd_c05"]);
    expect(resized.hasNextPage).toBe(false);
  });

  it("accepts only offsets it could have issued as cursors", () => {
    expect(world.engine.cursorValid(["40"])).toBe(true);
    for (const keys of [["-1"], ["1.5"], ["99999999"], ["1", "2"], []])
      expect(world.engine.cursorValid(keys)).toBe(false);
  });
});

describe("suggestions", () => {
  it("use facet search for categories and brands and a title-only search for products", async () => {
    world.meili.replies.facetSearch = (request) => {
      const { facetName } = request.body as { facetName: string };
      return { facetHits: [{ value: facetName === "brand" ? "Voltra" : "Headphones", count: 2 }], facetQuery: "x" };
    };
    world.meili.replies.search = () => ({
      hits: [{ id: "prd_c01", title: "Voltra Wireless Headphones" }],
      totalHits: 1,
    });
    expect(await world.engine.suggest("Voltr", 5)).toEqual([
      { kind: "CATEGORY", text: "Headphones", refId: "cat_phones" },
      { kind: "BRAND", text: "Voltra", refId: null },
      { kind: "PRODUCT", text: "Voltra Wireless Headphones", refId: "prd_c01" },
    ]);
    expect(world.meili.requests.map((r) => r.body)).toEqual(
      expect.arrayContaining([
        { facetName: "categoryNames", facetQuery: "voltr" },
        { facetName: "brand", facetQuery: "voltr" },
        {
          q: "voltr",
          limit: 5,
          attributesToRetrieve: ["id", "title"],
          attributesToSearchOn: ["title"],
          matchingStrategy: "all",
        },
      ]),
    );
  });
});
