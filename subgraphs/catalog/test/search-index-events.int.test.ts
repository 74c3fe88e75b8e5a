import { tables } from "@bazaar/drizzle";
import { createRelay, type EventEnvelope, InProcessBus, newEventId, type Relay } from "@bazaar/events";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SearchEngine } from "../src/search";
import { PRODUCT_CHANGED, recordProductsChanged } from "../src/services/catalog-events";
import { type Catalog, type Client, startCatalog } from "./harness";
import { ARCHIVE, CREATE, mutate, people, productInput, SELLER_A, SET_STOCK, UPDATE } from "./product-write.fixtures";
import { call, RELEASE, reserve } from "./stock.fixtures";

/**
 * An external search index (Meilisearch) follows the catalog through events: every change to what
 * search shows writes product.changed (or, for a seller's listing, seller-listing.changed) to
 * catalog's outbox in its own transaction, and the catalog.search-index consumer tells the engine
 * for each event it is delivered, once, after the change committed. Here the engine records what it
 * is asked to index.
 */
const bus = new InProcessBus();
let catalog: Catalog;
let relay: Relay;
let seller: Client;
/** The ids of each `index` call the engine received, in order. */
const indexed: string[][] = [];
let failures = 0;

const recordingEngine = (): SearchEngine => ({
  name: "meilisearch",
  needsSync: true,
  cursorKeys: 1,
  cursorValid: () => false,
  search: () => Promise.reject(new Error("this engine only records indexing")),
  suggest: async () => [],
  async index(productIds) {
    if (failures > 0 && failures--) throw new Error("search engine unavailable");
    indexed.push([...productIds]);
  },
  remove: async () => {},
  reindexAll: async () => ({ indexed: 0 }),
});

/** Relays catalog's outbox until it is empty: every committed event reaches the consumer. */
async function deliver() {
  while ((await relay.relayBatch()) > 0) {}
}

let serial = 0;
async function product(...stocks: number[]) {
  const variants = (stocks.length ? stocks : [5]).map((stock) => ({ price: 1000, stock, sku: `SIX-${++serial}` }));
  const row = await catalog.fixtures.product({ sellerId: SELLER_A, variants });
  return { id: row.id, variants: row.variants.map((v) => v.id) };
}

const productChangedRows = (productId: string) =>
  catalog.db
    .select()
    .from(tables.catalogOutbox)
    .where(and(eq(tables.catalogOutbox.aggregateId, productId), eq(tables.catalogOutbox.type, PRODUCT_CHANGED)));

beforeAll(async () => {
  catalog = await startCatalog({ bus, searchEngine: recordingEngine });
  relay = createRelay({ connection: catalog.connection, table: tables.catalogOutbox, bus });
  seller = await catalog.as(people.sellerA);
});
afterAll(async () => {
  await catalog?.stop();
  await bus.close();
});
beforeEach(async () => {
  await deliver();
  indexed.length = 0;
  failures = 0;
});

describe("the catalog.search-index consumer", () => {
  it("reindexes an updated product exactly once, and only once the update has committed and been relayed", async () => {
    const lamp = await product();
    expect((await mutate(seller, UPDATE, { id: lamp.id, title: "Brass Desk Lamp" })).userErrors).toEqual([]);
    expect(indexed).toEqual([]);
    expect(await productChangedRows(lamp.id)).toMatchObject([
      { type: "product.changed", aggregateType: "Product", aggregateId: lamp.id, sequence: null, payload: { productId: lamp.id } },
    ]);
    await deliver();
    expect(indexed).toEqual([[lamp.id]]);
  });

  it("indexes a redelivered event once: a relay that published and died before marking it sends it again", async () => {
    const lamp = await product();
    await mutate(seller, UPDATE, { id: lamp.id, description: "Now with a dimmer." });
    await deliver();
    await catalog.db
      .update(tables.catalogOutbox)
      .set({ publishedAt: null })
      .where(eq(tables.catalogOutbox.aggregateId, lamp.id));
    expect(await relay.relayBatch()).toBe(1);
    expect(indexed).toEqual([[lamp.id]]);
  });

  it("indexes nothing for an update that was rolled back", async () => {
    const lamp = await product();
    const refused = await mutate(seller, UPDATE, { id: lamp.id, title: "Lost Lamp", categoryId: "cat_missing" });
    expect(refused.userErrors.map((e) => e.code)).toEqual(["CATEGORY_NOT_FOUND"]);
    await expect(
      catalog.db.transaction(async (tx) => {
        await tx.update(tables.products).set({ title: "Lost Lamp" }).where(eq(tables.products.id, lamp.id));
        await recordProductsChanged(tx, [lamp.id]);
        throw new Error("rolled back after announcing the change");
      }),
    ).rejects.toThrow("rolled back");
    await deliver();
    expect(await productChangedRows(lamp.id)).toEqual([]);
    expect(indexed).toEqual([]);
  });

  it("keeps an event whose indexing failed and indexes it when it is delivered again", async () => {
    const lamp = await product();
    await mutate(seller, UPDATE, { id: lamp.id, brand: "Lumen" });
    failures = 1;
    await expect(relay.relayBatch()).rejects.toThrow();
    expect(indexed).toEqual([]);
    await deliver();
    expect(indexed).toEqual([[lamp.id]]);
  });

  it("reindexes products when they are created, archived and reviewed", async () => {
    const category = await catalog.fixtures.category();
    const created = (await mutate(seller, CREATE, productInput(category.id, { status: "ACTIVE" }))).product!;
    await deliver();
    expect(indexed).toEqual([[created.id]]);

    indexed.length = 0;
    const review = { productId: created.id, rating: 5, title: "Fits well" };
    const reviewer = await catalog.as({ userId: "usr_search_reviewer" });
    const reviewed = await reviewer(`mutation($input: AddReviewInput!) { addReview(input: $input) { userErrors { code } } }`, {
      input: review,
    });
    expect(reviewed.body).toEqual({ data: { addReview: { userErrors: [] } } });
    await deliver();
    expect(indexed).toEqual([[created.id]]);

    indexed.length = 0;
    expect((await mutate(seller, ARCHIVE, { id: created.id })).userErrors).toEqual([]);
    await deliver();
    expect(indexed).toEqual([[created.id]]);
  });

  it("reindexes a product when a sale takes its last units and when they come back, not for sales that leave stock", async () => {
    const scarce = await product(2);
    const plenty = await product(9);
    const order = `ord_six${++serial}`;
    await reserve(catalog.gql, order, [
      { variantId: scarce.variants[0]!, quantity: 2 },
      { variantId: plenty.variants[0]!, quantity: 1 },
    ]);
    await deliver();
    expect(indexed).toEqual([[scarce.id]]);

    indexed.length = 0;
    await call(catalog.gql, RELEASE, { orderId: order });
    await deliver();
    expect(indexed).toEqual([[scarce.id]]);
  });

  it("reindexes a product when the seller empties or refills it, not when stock only changes size", async () => {
    const lamp = await product(3);
    const [variantId] = lamp.variants as [string];
    const setStock = async (stock: number) => {
      const res = await seller<{ setStock: { userErrors: unknown[] } }>(SET_STOCK, { input: { variantId, stock } });
      expect(res.body.data?.setStock.userErrors).toEqual([]);
      await deliver();
    };
    await setStock(4);
    expect(indexed).toEqual([]);
    await setStock(0);
    await setStock(0);
    expect(indexed).toEqual([[lamp.id]]);
    await setStock(2);
    expect(indexed).toEqual([[lamp.id], [lamp.id]]);
  });
});

describe("seller listings in the search index", () => {
  let sellers = 0;
  /** A seller catalog has not heard of (not listed), with two products. */
  async function newSeller() {
    const sellerId = `sel_six${String(++sellers).padStart(3, "0")}`;
    const products = [];
    for (let i = 0; i < 2; i += 1) products.push((await catalog.fixtures.product({ sellerId, variants: [{ price: 100 }] })).id);
    await catalog.db.delete(tables.sellerListings).where(eq(tables.sellerListings.sellerId, sellerId));
    return { sellerId, products: products.sort() };
  }

  const decision = (type: string, sellerId: string, occurredAt: string): EventEnvelope => ({
    id: newEventId(),
    type,
    aggregateType: "Seller",
    aggregateId: sellerId,
    sequence: null,
    payload: { sellerId, userId: "usr_owner", name: "Store", slug: "store", reason: "Because" },
    occurredAt,
    producer: "sellers",
  });

  it("reindexes every product of a seller once its approval or suspension is recorded and committed", async () => {
    const { sellerId, products } = await newSeller();
    await bus.publish([decision("seller.approved", sellerId, "2026-07-01T10:00:00.000Z")]);
    expect(indexed).toEqual([]);
    await deliver();
    expect(indexed.map((ids) => [...ids].sort())).toEqual([products]);

    indexed.length = 0;
    await bus.publish([decision("seller.suspended", sellerId, "2026-07-01T11:00:00.000Z")]);
    await deliver();
    expect(indexed.map((ids) => [...ids].sort())).toEqual([products]);
  });

  it("reindexes nothing for a decision older than the one recorded, which changes no listing", async () => {
    const { sellerId } = await newSeller();
    await bus.publish([decision("seller.suspended", sellerId, "2026-07-02T11:00:00.000Z")]);
    await deliver();
    indexed.length = 0;
    await bus.publish([decision("seller.approved", sellerId, "2026-07-02T10:00:00.000Z")]);
    await deliver();
    expect(indexed).toEqual([]);
  });
});
