import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MEILI_SETTINGS } from "../src/search/meilisearch/meili-settings";
import { VISIBLE } from "../src/search/search-contract.fixtures";
import { type RecordedMeili, startRecordedMeili } from "./meili-engine.fixtures";

/** What the Meilisearch adapter asks a server to do when indexing (see meili-engine.fixtures.ts). */
let world: RecordedMeili;
beforeAll(async () => {
  world = await startRecordedMeili();
});
afterAll(() => world?.stop());
beforeEach(() => world.meili.clear());

describe("indexing", () => {
  it("applies the index settings once, upserts public products and deletes the others", async () => {
    await world.engine.index(["prd_c01", "prd_h01", "prd_h03"]);
    await world.engine.index(["prd_c02"]);
    expect(world.calls()).toEqual([
      "PATCH /indexes/shop/settings",
      "POST /indexes/shop/documents",
      "POST /indexes/shop/documents/delete-batch",
      "POST /indexes/shop/documents",
    ]);
    const [settings, documents, deletion] = world.meili.requests;
    expect(settings?.body).toEqual(MEILI_SETTINGS);
    expect(documents?.query).toEqual({ primaryKey: "id" });
    expect(documents?.body).toEqual([
      {
        id: "prd_c01",
        title: "Voltra Wireless Headphones",
        brand: "Voltra",
        description: "Voltra Wireless Headphones by Voltra.",
        categoryIds: ["cat_elec", "cat_audio", "cat_phones"],
        categoryNames: ["Electronics", "Audio", "Headphones"],
        sellerId: "sel_a",
        price: 7_999,
        priceBucket: 3,
        rating: 4.5,
        ratingAtLeast: [4, 3, 2, 1],
        inStock: true,
        attributes: ['["Colour","Black"]', '["Connectivity","Bluetooth"]'],
        popularity: 0,
        createdAt: expect.any(Number),
      },
    ]);
    // Archived, and of a seller that is not listed: neither may stay searchable.
    expect(deletion?.body).toEqual(["prd_h01", "prd_h03"]);
  });

  it("removes by id, sending the API key", async () => {
    await world.engine.remove(["prd_c05"]);
    expect(world.meili.requests[0]).toMatchObject({
      path: "/indexes/shop/documents/delete-batch",
      body: ["prd_c05"],
      authorization: "Bearer test-key",
    });
  });

  it("reports a task Meilisearch failed", async () => {
    world.meili.failNextTask();
    await expect(world.engine.remove(["prd_c05"])).rejects.toThrow(/failed: stand-in failure/);
  });

  it("reindexes into a side index in batches and swaps it in", async () => {
    expect(await world.engine.reindexAll()).toEqual({ indexed: VISIBLE.length });
    expect(world.calls()).toEqual([
      "DELETE /indexes/shop_reindex",
      "PATCH /indexes/shop_reindex/settings",
      "POST /indexes/shop_reindex/documents",
      "POST /swap-indexes",
      "DELETE /indexes/shop_reindex",
    ]);
    expect((world.meili.requests[2]!.body as { id: string }[]).map((d) => d.id)).toEqual(
      VISIBLE.map((p) => p.id).sort(),
    );
    expect(world.meili.requests[3]?.body).toEqual([{ indexes: ["shop", "shop_reindex"], rename: false }]);
  });
});
