import { tables } from "@bazaar/drizzle";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepExpiredReservations } from "../src/server";
import { type Catalog, type Client, startCatalog } from "./harness";
import { mutate, people, SELLER_A, SET_STOCK, UPDATE } from "./product-write.fixtures";
import { call, RELEASE, reserve, stockOf } from "./stock.fixtures";

/**
 * product.back_in_stock is written to catalog's outbox, in the transaction that changed the stock,
 * exactly when a product's stock (the sum over its variants) goes from 0 to more than 0 — whoever
 * adds the units: the seller (setStock, a new variant), a released reservation or the expiry sweep.
 */
let catalog: Catalog;
let seller: Client;
let seq = 0;
const HOUR = 3_600_000;
const orderId = () => `ord_bis${String(++seq).padStart(4, "0")}`;

async function product(...stocks: number[]) {
  const row = await catalog.fixtures.product({
    sellerId: SELLER_A,
    title: `Lamp ${++seq}`,
    slug: `lamp-${seq}`,
    variants: stocks.map((stock) => ({ price: 1000, stock, sku: `BIS-${++seq}` })),
  });
  return { id: row.id, title: row.title, slug: row.slug, variants: row.variants.map((v) => v.id) };
}

/** The back-in-stock events of one product, oldest first (the outbox holds product.changed too). */
const announcements = (productId: string) =>
  catalog.db
    .select()
    .from(tables.catalogOutbox)
    .where(and(eq(tables.catalogOutbox.aggregateId, productId), eq(tables.catalogOutbox.type, "product.back_in_stock")))
    .orderBy(asc(tables.catalogOutbox.createdAt), asc(tables.catalogOutbox.id));

async function setStock(variantId: string, stock: number) {
  const res = await seller<{ setStock: { userErrors: unknown[] } }>(SET_STOCK, { input: { variantId, stock } });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.setStock.userErrors).toEqual([]);
}

beforeAll(async () => {
  catalog = await startCatalog({ maxConnections: 20 });
  seller = await catalog.as(people.sellerA);
});
afterAll(() => catalog?.stop());

describe("product.back_in_stock from setStock", () => {
  it("announces 0 → 5 once, with the product's id, title, slug and seller", async () => {
    const lamp = await product(0);
    await setStock(lamp.variants[0]!, 5);
    const events = await announcements(lamp.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "product.back_in_stock", aggregateType: "Product", aggregateId: lamp.id, sequence: null });
    expect(events[0]?.payload).toEqual({ productId: lamp.id, title: lamp.title, slug: lamp.slug, sellerId: SELLER_A });
  });

  it("says nothing for 5 → 7 or 7 → 0, and announces again when it comes back from 0", async () => {
    const lamp = await product(5);
    const [variant] = lamp.variants as [string];
    await setStock(variant, 7);
    await setStock(variant, 0);
    await setStock(variant, 0);
    expect(await announcements(lamp.id)).toEqual([]);
    await setStock(variant, 3);
    expect(await announcements(lamp.id)).toHaveLength(1);
  });

  it("counts the product, not the variant: a second variant restocked is no news, nor one restocked beside stock", async () => {
    const pair = await product(0, 0);
    await setStock(pair.variants[0]!, 2);
    await setStock(pair.variants[1]!, 2);
    expect(await announcements(pair.id)).toHaveLength(1);
    const partly = await product(0, 4);
    await setStock(partly.variants[0]!, 5);
    expect(await announcements(partly.id)).toEqual([]);
  });

  it("announces one transition once however many sellers' setStock calls race on the product's variants", async () => {
    for (let round = 0; round < 3; round += 1) {
      const shelf = await product(0, 0, 0, 0);
      await Promise.all(shelf.variants.flatMap((variantId) => [1, 2, 3, 4].map((n) => setStock(variantId, n))));
      expect(await announcements(shelf.id)).toHaveLength(1);
    }
  });
});

describe("product.back_in_stock from reservations", () => {
  it("announces a released reservation that restores the stock from 0, once", async () => {
    const lamp = await product(2);
    const id = orderId();
    await reserve(catalog.gql, id, [{ variantId: lamp.variants[0]!, quantity: 2 }]);
    expect(await stockOf(catalog.db, lamp.variants[0]!)).toEqual([0]);
    await call(catalog.gql, RELEASE, { orderId: id });
    await call(catalog.gql, RELEASE, { orderId: id });
    expect(await stockOf(catalog.db, lamp.variants[0]!)).toEqual([2]);
    expect((await announcements(lamp.id)).map((e) => e.type)).toEqual(["product.back_in_stock"]);
  });

  it("says nothing when the release leaves stock that was never gone", async () => {
    const lamp = await product(5);
    const id = orderId();
    await reserve(catalog.gql, id, [{ variantId: lamp.variants[0]!, quantity: 2 }]);
    await call(catalog.gql, RELEASE, { orderId: id });
    expect(await announcements(lamp.id)).toEqual([]);
  });

  it("announces once when several releases race to restore a sold-out product", async () => {
    const lamp = await product(1, 1, 1);
    const orders = lamp.variants.map((variantId) => ({ id: orderId(), variantId }));
    for (const { id, variantId } of orders) await reserve(catalog.gql, id, [{ variantId, quantity: 1 }]);
    expect(await stockOf(catalog.db, ...lamp.variants)).toEqual([0, 0, 0]);
    await Promise.all(orders.map(({ id }) => call(catalog.gql, RELEASE, { orderId: id })));
    expect(await announcements(lamp.id)).toHaveLength(1);
  });

  it("announces the products the expiry sweep restores from 0, and only those", async () => {
    const soldOut = await product(3);
    const stocked = await product(3);
    await reserve(catalog.gql, orderId(), [{ variantId: soldOut.variants[0]!, quantity: 3 }], 60);
    await reserve(catalog.gql, orderId(), [{ variantId: stocked.variants[0]!, quantity: 1 }], 60);
    const swept = await sweepExpiredReservations(catalog.db, new Date(Date.now() + HOUR));
    expect(swept.reservations).toBeGreaterThanOrEqual(2);
    expect(await announcements(soldOut.id)).toHaveLength(1);
    expect(await announcements(stocked.id)).toEqual([]);
  });
});

describe("product.back_in_stock from product edits", () => {
  it("announces a new variant that brings the first units, but not one added beside stock", async () => {
    const shirt = await catalog.fixtures.product({
      sellerId: SELLER_A,
      options: [{ name: "size", values: ["S", "M", "L"] }],
      variants: [{ price: 1000, stock: 0, sku: `BIS-S-${++seq}`, optionValues: [{ name: "size", value: "S" }] }],
    });
    const add = (size: string) =>
      mutate(seller, UPDATE, {
        id: shirt.id,
        addVariants: [{ sku: `BIS-${size}-${++seq}`, price: 1000, stock: 4, optionValues: [{ name: "size", value: size }] }],
      });
    expect((await add("M")).userErrors).toEqual([]);
    expect(await announcements(shirt.id)).toHaveLength(1);
    expect((await add("L")).userErrors).toEqual([]);
    expect(await announcements(shirt.id)).toHaveLength(1);
  });
});
