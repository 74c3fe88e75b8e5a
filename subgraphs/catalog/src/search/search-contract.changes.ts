import { tables } from "@bazaar/drizzle";
import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ContractWorld } from "./search-engine.contract";
import type { SearchFilterValues, SearchResponse } from "./search-engine.port";

type Search = (query: string, filter?: SearchFilterValues) => Promise<SearchResponse>;
const idsOf = async (result: Promise<SearchResponse>) => (await result).hits.map((hit) => hit.productId);

/** Writes through the catalog tables, then the adapter's sync: the index must follow. */
export function runContractChanges(world: () => ContractWorld, search: Search): void {
  const { products, categories, sellerListings } = tables;

  it("drops an archived product and takes it back when it is active again", async () => {
    const db = world().db;
    await db.update(products).set({ status: "ARCHIVED" }).where(eq(products.id, "prd_c07"));
    await world().sync(["prd_c07"]);
    expect(await idsOf(search("nordhem"))).toEqual([]);
    await db.update(products).set({ status: "ACTIVE" }).where(eq(products.id, "prd_c07"));
    await world().sync(["prd_c07"]);
    expect(await idsOf(search("nordhem"))).toEqual(["prd_c07"]);
  });

  it("finds a product by its new title, typos forgiven", async () => {
    const db = world().db;
    await db.update(products).set({ title: "Voltra Portable Soundbar" }).where(eq(products.id, "prd_c05"));
    await world().sync(["prd_c05"]);
    expect(await idsOf(search("soudnbar"))).toEqual(["prd_c05"]);
    await db.update(products).set({ title: "Voltra Portable Speaker" }).where(eq(products.id, "prd_c05"));
    await world().sync(["prd_c05"]);
  });

  it("finds products by their category's new name", async () => {
    const db = world().db;
    const filed = ["prd_c06", "prd_c07"];
    await db.update(categories).set({ name: "Illumination" }).where(eq(categories.id, "cat_lighting"));
    await world().sync(filed);
    expect(new Set(await idsOf(search("illumination")))).toEqual(new Set(filed));
    await db.update(categories).set({ name: "Lighting" }).where(eq(categories.id, "cat_lighting"));
    await world().sync(filed);
    expect(await idsOf(search("illumination"))).toEqual([]);
  });

  it("hides every product of a seller that stops being listed, and counts them nowhere", async () => {
    const db = world().db;
    const before = (await search("")).totalCount;
    const ofSeller = (await db.select({ id: products.id }).from(products).where(eq(products.sellerId, "sel_b"))).map(
      (r) => r.id,
    );
    await db
      .update(sellerListings)
      .set({ active: false })
      .where(inArray(sellerListings.sellerId, ["sel_b"]));
    await world().sync(ofSeller);
    const after = await search("");
    expect((await after.facets).sellers.map((s) => s.value)).toEqual(["sel_a"]);
    expect(after.totalCount).toBeLessThan(before);
    await db
      .update(sellerListings)
      .set({ active: true })
      .where(inArray(sellerListings.sellerId, ["sel_b"]));
    await world().sync(ofSeller);
    expect((await search("")).totalCount).toBe(before);
  });
}
