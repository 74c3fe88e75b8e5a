import type { Database } from "@bazaar/drizzle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { facetFilter, expectedFacets, sortedFacets } from "./search-contract.facets";
import { HIDDEN, insertContractCatalog, VISIBLE } from "./search-contract.fixtures";
import { runContractChanges } from "./search-contract.changes";
import type { SearchEngine, SearchFilterValues } from "./search-engine.port";
import { shapeFacets } from "./search-facets";

/** What an adapter's test file provides: an engine over a database holding nothing yet. */
export interface ContractWorld {
  engine: SearchEngine;
  db: Database;
  /** Makes the engine see the catalog rows of these products as they are now. */
  sync(productIds: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

const byId = new Map([...VISIBLE, ...HIDDEN].map((product) => [product.id, product]));
const hiddenIds = HIDDEN.map((product) => product.id);

/**
 * The behaviour every SearchEngine adapter must have; see search-engine.port.ts. Adapter test
 * files call this with a factory; the suite seeds the same catalog into each.
 */
export function searchEngineContract(adapter: string, start: () => Promise<ContractWorld>): void {
  describe(`SearchEngine contract: ${adapter}`, () => {
    let world: ContractWorld;
    beforeAll(async () => {
      world = await start();
      await insertContractCatalog(world.db);
      await world.sync([...byId.keys()]);
    });
    afterAll(() => world?.stop());

    const search = (
      query: string,
      filter: SearchFilterValues = {},
      first = 100,
      after: readonly string[] | null = null,
    ) => world.engine.search({ query, filter, first, after });
    const top = async (query: string, n = 10) => (await search(query, {}, n)).hits.map((hit) => hit.productId);

    /** Follows cursors to the end; the ids in the order the pages gave them. */
    async function visitAll(query: string, filter: SearchFilterValues, first: number): Promise<string[]> {
      const seen: string[] = [];
      let after: string[] | null = null;
      for (let pages = 0; pages < 100; pages += 1) {
        const page = await search(query, filter, first, after);
        seen.push(...page.hits.map((hit) => hit.productId));
        if (!page.hasNextPage) return seen;
        after = page.hits.at(-1)?.cursor ?? null;
        expect(world.engine.cursorValid(after ?? [])).toBe(true);
      }
      throw new Error("pagination did not end");
    }

    describe("matching", () => {
      it("finds a product by a word of its title, brand or category", async () => {
        expect(await top("bookshelf")).toEqual(["prd_c04"]);
        expect(await top("copperline")).toEqual(["prd_c06"]);
        expect(new Set(await top("lighting"))).toEqual(new Set(["prd_c06", "prd_c07"]));
      });

      it("needs every word, and ranks the product with all of them in its title first", async () => {
        const hits = await top("wireless headphones");
        expect(new Set(hits)).toEqual(new Set(["prd_c01", "prd_c02"]));
        expect(hits[0]).toBe("prd_c01");
      });

      it("reads the last word as the beginning of a word", async () => {
        expect(await top("voltra wirel")).toEqual(["prd_c01"]);
      });

      it("ranks title matches above a description-only match", async () => {
        const hits = await top("speaker");
        expect(new Set(hits)).toEqual(new Set(["prd_c04", "prd_c05", "prd_c06"]));
        expect(hits.at(-1)).toBe("prd_c06");
      });

      it.each([
        ["a transposed letter", "headphnoes", "prd_c01"],
        ["a transposed letter", "spekaer", "prd_c04"],
        ["a transposed letter", "copperlnie", "prd_c06"],
        ["an extra letter", "earbudds", "prd_c02"],
        ["two transposed pairs", "haedphnoes", "prd_c03"],
        ["a missing and an extra letter", "bokshelff", "prd_c04"],
      ])("forgives %s (%s) and finds the product in the top 10", async (_, query, id) => {
        expect(await top(query)).toContain(id);
      });

      it("forgives no typo in words shorter than five letters", async () => {
        expect((await search("lmap")).totalCount).toBe(0);
      });
    });

    describe("visibility", () => {
      it.each(["archived", "draft", "suspended", "unlisted"])(
        "never returns or counts archived, draft or unlisted sellers' products (%s)",
        async (word) => {
          const result = await search(word);
          expect(result.totalCount).toBe(0);
          expect(result.hits).toEqual([]);
        },
      );

      it("returns exactly the visible products for an empty query", async () => {
        const all = await visitAll("", {}, 7);
        expect(new Set(all)).toEqual(new Set(VISIBLE.map((product) => product.id)));
        expect(all.filter((id) => hiddenIds.includes(id))).toEqual([]);
      });
    });

    describe("pagination", () => {
      it.each([
        ["wireless", {}],
        ["cable", {}],
        ["", { inStock: true }],
      ] as const)("visits every result of %j exactly once, in one stable order", async (query, filter) => {
        const whole = await search(query, filter, 100);
        const expected = whole.hits.map((hit) => hit.productId);
        expect(expected).toHaveLength(whole.totalCount);
        for (const first of [1, 2, 5]) {
          const visited = await visitAll(query, filter, first);
          expect(visited).toEqual(expected);
          expect(new Set(visited).size).toBe(visited.length);
        }
      });
    });

    describe("facets", () => {
      it.each([
        ["wireless", {}],
        ["", {}],
        ["", { brands: ["Voltra", "Nimbus"], inStock: true }],
        ["lamp", { priceMin: 1_000 }],
      ] as const)("count the result set of %j %j exactly", async (query, filter) => {
        // Counted with the page (the caller said it would read them) or on their own: the same.
        for (const withFacets of [true, false]) {
          const result = await world.engine.search({ query, filter, first: 100, after: null, withFacets });
          const products = result.hits.map((hit) => byId.get(hit.productId)!);
          expect(products).toHaveLength(result.totalCount);
          expect(sortedFacets(shapeFacets(await result.facets))).toEqual(sortedFacets(expectedFacets(products)));
        }
      });

      it.each([
        ["wireless", {}],
        ["", { minRating: 3 }],
        ["", { brands: ["Voltra", "Nimbus"], attributes: [{ key: "Colour", value: "Black" }] }],
      ] as const)(
        "agree with filters: each value of %j %j, added as a filter, gives its count",
        async (query, filter) => {
          const facets = shapeFacets(await (await search(query, filter, 1)).facets);
          for (const [narrowed, count] of facetFilter(filter, facets)) {
            expect({ narrowed, total: (await search(query, narrowed, 1)).totalCount }).toEqual({
              narrowed,
              total: count,
            });
          }
        },
      );
    });

    describe("suggestions", () => {
      const suggest = async (prefix: string) => world.engine.suggest(prefix, 8);

      it("complete the last word into titles and categories", async () => {
        const hits = await suggest("headph");
        expect(hits).toContainEqual({ kind: "CATEGORY", text: "Headphones", refId: "cat_phones" });
        expect(hits).toContainEqual({ kind: "PRODUCT", text: "Voltra Wireless Headphones", refId: "prd_c01" });
      });

      it("complete brands, and forgive a typo in what was typed", async () => {
        expect(await suggest("voltr")).toContainEqual({ kind: "BRAND", text: "Voltra", refId: null });
        expect((await suggest("haedphon")).map((hit) => hit.refId)).toContain("prd_c03");
      });

      it("never suggest products that are not public", async () => {
        expect((await suggest("archiv")).filter((hit) => hit.kind === "PRODUCT")).toEqual([]);
      });
    });

    describe("keeping up with writes", () => {
      runContractChanges(() => world, search);
    });
  });
}
