import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProduct, stockOf } from "./catalog.fixtures";
import { ADDRESS, checkoutClient, fillCart, keyFor } from "./checkout.fixtures";
import { type OrdersHarness, orderRow, startOrders } from "./harness";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;

beforeAll(async () => {
  h = await startOrders();
  checkout = checkoutClient(h);
});
afterAll(() => h?.stop());

const cartOf = async (userId: string) => {
  const [cart] = await h.testDb.db.select().from(tables.carts).where(eq(tables.carts.userId, userId));
  return cart ? h.testDb.db.select().from(tables.cartLines).where(eq(tables.cartLines.cartId, cart.id)) : [];
};

describe("checkout", () => {
  it("places a PENDING_PAYMENT order at catalog's prices, one fulfillment per seller, and sets up the payment", async () => {
    const teapot = await insertProduct(h.testDb.db, {
      sellerId: "sel_tea",
      title: "Teapot",
      variants: [{ price: 4500, stock: 5, title: "Blue" }],
    });
    const cups = await insertProduct(h.testDb.db, {
      sellerId: "sel_cup",
      title: "Cups",
      variants: [{ price: 800, stock: 9 }],
    });
    const me = await h.shopper();
    await fillCart(h.testDb.db, me.userId, [
      [teapot.variantIds[0] as string, 2],
      [cups.variantIds[0] as string, 3],
    ]);
    const before = Date.now();
    const res = await checkout(me, keyFor("first"));

    expect(res.userErrors).toEqual([]);
    const order = res.order;
    expect(order).toMatchObject({
      status: "PENDING_PAYMENT",
      number: expect.stringMatching(/^BZ-\d{7}$/),
      total: { amount: 11400, currencyCode: "USD" },
    });
    expect(
      order?.lines.map((l) => [l.title, l.sku, l.quantity, l.unitPrice.amount, l.total.amount, l.seller.id]),
    ).toEqual([
      ["Teapot — Blue", teapot.skus[0], 2, 4500, 9000, "sel_tea"],
      ["Cups", cups.skus[0], 3, 800, 2400, "sel_cup"],
    ]);
    expect(order?.fulfillments.map((f) => [f.seller.id, f.status]).sort()).toEqual([
      ["sel_cup", "UNFULFILLED"],
      ["sel_tea", "UNFULFILLED"],
    ]);
    // Held for 15 minutes.
    const held = Date.parse(order?.reservedUntil ?? "") - before;
    expect(held).toBeGreaterThan(14 * 60_000);
    expect(held).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(res.payment).toMatchObject({
      processor: "SANDBOX",
      status: "REQUIRES_PAYMENT_METHOD",
      amount: { amount: 11400 },
    });
    expect(res.payment?.clientSecret).toMatch(/^pi_sandbox_\w+_secret_\w+$/);

    expect(await stockOf(h.testDb.db, [teapot.variantIds[0] as string, cups.variantIds[0] as string])).toEqual([3, 6]);
    expect(await cartOf(me.userId)).toEqual([]);
    const row = await orderRow(h.testDb.db, order?.id as string);
    expect(row).toMatchObject({
      stockState: "RESERVED",
      eventSequence: 1,
      shippingAddress: expect.objectContaining({ city: "Berlin", country: "DE" }),
    });
  });

  it("records the placement as timeline event 1 and an outbox message in the same transaction", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ price: 999 }] });
    const me = await h.shopper();
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
    const { order } = await checkout(me, keyFor("timeline"));
    const events = await h.testDb.db
      .select()
      .from(tables.orderEvents)
      .where(eq(tables.orderEvents.orderId, order?.id as string));
    expect(events.map((e) => [e.sequence, e.type, e.fromStatus, e.toStatus, e.actorType, e.actorId])).toEqual([
      [1, "ORDER_PLACED", null, "PENDING_PAYMENT", "CUSTOMER", me.userId],
    ]);
    const outbox = await h.testDb.db
      .select()
      .from(tables.outbox)
      .where(eq(tables.outbox.aggregateId, order?.id as string));
    expect(outbox).toEqual([
      expect.objectContaining({ aggregateType: "Order", sequence: 1, type: "order.placed", publishedAt: null }),
    ]);
    expect(outbox[0]?.payload).toMatchObject({
      orderId: order?.id,
      customerId: me.userId,
      toStatus: "PENDING_PAYMENT",
      total: 999,
    });
  });

  it("prices from catalog at checkout time, never from what the cart showed", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ price: 1000 }] });
    const me = await h.shopper();
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 2]]);
    await h.testDb.db
      .update(tables.productVariants)
      .set({ price: 1234 })
      .where(eq(tables.productVariants.id, variantIds[0] as string));
    expect((await checkout(me, keyFor("price"))).order?.total.amount).toBe(2468);
  });

  it("refuses an empty cart, and INSUFFICIENT_STOCK leaves cart and stock as they were", async () => {
    const me = await h.shopper();
    expect((await checkout(me, keyFor("empty"))).userErrors.map((e) => e.code)).toEqual(["CART_EMPTY"]);
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 2 }] });
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 3]]);
    const key = keyFor("scarce");
    const res = await checkout(me, key);
    expect(res.order).toBeNull();
    expect(res.userErrors.map((e) => e.code)).toEqual(["INSUFFICIENT_STOCK"]);
    expect(await stockOf(h.testDb.db, [variantIds[0] as string])).toEqual([2]);
    expect((await cartOf(me.userId)).map((l) => l.quantity)).toEqual([3]);
    // The key placed nothing, so it may try again once there is stock.
    await h.testDb.db
      .update(tables.productVariants)
      .set({ stock: 3 })
      .where(eq(tables.productVariants.id, variantIds[0] as string));
    expect((await checkout(me, key)).order?.status).toBe("PENDING_PAYMENT");
  });

  it.each([
    ["a malformed key", { idempotencyKey: "short" }, "INVALID_IDEMPOTENCY_KEY", ["input", "idempotencyKey"]],
    ["no address", { shippingAddress: null }, "SHIPPING_ADDRESS_REQUIRED", ["input", "shippingAddress"]],
    ["two addresses", { shippingAddressId: "adr_x" }, "SHIPPING_ADDRESS_REQUIRED", ["input", "shippingAddress"]],
    [
      "a bad country",
      { shippingAddress: { ...ADDRESS, country: "XX" } },
      "INVALID_COUNTRY",
      ["input", "shippingAddress", "country"],
    ],
    ["a blank city", { shippingAddress: { ...ADDRESS, city: " " } }, "REQUIRED", ["input", "shippingAddress", "city"]],
  ])("refuses %s with a code and changes nothing", async (_name, override, code, field) => {
    const me = await h.shopper();
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 1 }] });
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
    const { idempotencyKey = keyFor("bad"), ...input } = override as Record<string, unknown> & {
      idempotencyKey?: string;
    };
    const res = await checkout(me, idempotencyKey, { shippingAddress: ADDRESS, ...input });
    expect(res.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await stockOf(h.testDb.db, [variantIds[0] as string])).toEqual([1]);
  });

  it("needs a signed-in customer", async () => {
    const res = await h.gql(`mutation { checkout(input: { idempotencyKey: "anonymous-1" }) { userErrors { code } } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the idempotency key", () => {
  it("returns the same order and payment when sent again, creating nothing new", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 4 }] });
    const me = await h.shopper();
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
    const key = keyFor("again");
    const intents = h.sandbox.intentCount;
    const first = await checkout(me, key);
    const second = await checkout(me, key);
    expect(second.userErrors).toEqual([]);
    expect(second.order?.id).toBe(first.order?.id);
    expect(second.payment?.id).toBe(first.payment?.id);
    expect(second.payment?.clientSecret).toBe(first.payment?.clientSecret);
    expect(h.sandbox.intentCount - intents).toBe(1);
    expect(await stockOf(h.testDb.db, [variantIds[0] as string])).toEqual([3]);
  });

  it("is refused with IDEMPOTENCY_KEY_REUSED for another cart or another address", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 10 }] });
    const me = await h.shopper();
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
    const key = keyFor("reuse");
    const first = await checkout(me, key);
    expect(first.order).not.toBeNull();
    const otherAddress = await checkout(me, key, { shippingAddress: { ...ADDRESS, city: "Paris", country: "FR" } });
    expect(otherAddress.userErrors).toEqual([
      expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED", field: ["input", "idempotencyKey"] }),
    ]);
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 2]]);
    expect((await checkout(me, key)).userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    // A new key is a new purchase.
    expect((await checkout(me, keyFor("fresh"))).order?.id).not.toBe(first.order?.id);
  });

  it("belongs to its customer: another customer's identical key is their own purchase", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 10 }] });
    const [ann, bob] = [await h.shopper(), await h.shopper()];
    for (const who of [ann, bob]) await fillCart(h.testDb.db, who.userId, [[variantIds[0] as string, 1]]);
    const key = keyFor("shared");
    const [a, b] = [await checkout(ann, key), await checkout(bob, key)];
    expect(a.order?.id).not.toBe(b.order?.id);
    expect(b.userErrors).toEqual([]);
  });
});
