import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartClient, guest } from "./cart.fixtures";
import { insertProduct, setStock } from "./catalog.fixtures";
import { type OrdersHarness, startOrders } from "./harness";

let h: OrdersHarness;
let cart: ReturnType<typeof cartClient>;
let mug: string;
let pen: string;
let draft: string;

beforeAll(async () => {
  h = await startOrders();
  cart = cartClient(h);
  [mug, pen] = (
    await insertProduct(h.testDb.db, {
      variants: [
        { price: 1250, stock: 5 },
        { price: 300, stock: 200 },
      ],
    })
  ).variantIds as [string, string];
  [draft] = (await insertProduct(h.testDb.db, { status: "DRAFT", variants: [{ price: 100 }] })).variantIds as [string];
});
afterAll(() => h?.stop());

describe("a guest cart", () => {
  it("is created by the first addition, which returns its token once", async () => {
    const first = await cart.add(mug, 2);
    expect(first.userErrors).toEqual([]);
    expect(first.cartToken).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    const again = await cart.add(pen, 1, guest(first.cartToken as string));
    expect(again.cartToken).toBeNull();
    expect(again.cart?.id).toBe(first.cart?.id);
  });

  it("is read back with the token, priced live by catalog with totals computed on the server", async () => {
    const { cartToken } = await cart.add(mug, 2);
    await cart.add(pen, 3, guest(cartToken as string));
    const read = await cart.read(guest(cartToken as string));
    expect(
      read?.lines.map((l) => [l.variant.id, l.quantity, l.unitPrice?.amount, l.total?.amount, l.available]),
    ).toEqual([
      [mug, 2, 1250, 2500, true],
      [pen, 3, 300, 900, true],
    ]);
    expect(read?.totalQuantity).toBe(5);
    expect(read?.subtotal).toEqual({ amount: 3400, currencyCode: "USD" });
  });

  it("shows a price change at once: nothing is stored but the quantity", async () => {
    const [v] = (await insertProduct(h.testDb.db, { variants: [{ price: 500 }] })).variantIds as [string];
    const { cartToken } = await cart.add(v, 1);
    await h.testDb.db.update(tables.productVariants).set({ price: 650 }).where(eq(tables.productVariants.id, v));
    expect((await cart.read(guest(cartToken as string)))?.subtotal.amount).toBe(650);
  });

  it("stores only the token's hash", async () => {
    const { cartToken } = await cart.add(pen, 1);
    const rows = await h.testDb.db.select({ hash: tables.carts.tokenHash }).from(tables.carts);
    expect(rows.some((r) => r.hash === cartToken)).toBe(false);
    expect(rows.every((r) => r.hash === null || /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it("is nobody's without a valid token: no cart, and lines of it cannot be changed", async () => {
    const { cartToken, cart: made } = await cart.add(pen, 1);
    expect(await cart.read()).toBeNull();
    expect(await cart.read(guest(`ct_${"x".repeat(43)}`))).toBeNull();
    const lineId = made?.lines[0]?.id as string;
    expect((await cart.update(lineId, 2)).userErrors.map((e) => e.code)).toEqual(["LINE_NOT_FOUND"]);
    expect((await cart.remove(lineId)).userErrors.map((e) => e.code)).toEqual(["LINE_NOT_FOUND"]);
    expect((await cart.read(guest(cartToken as string)))?.lines[0]?.quantity).toBe(1);
  });
});

describe("quantities and variants", () => {
  it.each([0, -1, 100])("refuses quantity %s with QUANTITY_OUT_OF_RANGE", async (quantity) => {
    const res = await cart.add(pen, quantity);
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: "QUANTITY_OUT_OF_RANGE", field: ["input", "quantity"] }),
    ]);
    expect(res.cart).toBeNull();
  });

  it("refuses to let additions sum past 99 on one line", async () => {
    const { cartToken } = await cart.add(pen, 60);
    const res = await cart.add(pen, 40, guest(cartToken as string));
    expect(res.userErrors.map((e) => e.code)).toEqual(["QUANTITY_OUT_OF_RANGE"]);
    expect((await cart.read(guest(cartToken as string)))?.lines[0]?.quantity).toBe(60);
  });

  it("refuses unknown, malformed and unsold variants with codes", async () => {
    expect((await cart.add("var_missing", 1)).userErrors.map((e) => e.code)).toEqual(["VARIANT_NOT_FOUND"]);
    expect((await cart.add("not an id!", 1)).userErrors.map((e) => e.code)).toEqual(["VARIANT_NOT_FOUND"]);
    expect((await cart.add(draft, 1)).userErrors.map((e) => e.code)).toEqual(["VARIANT_UNAVAILABLE"]);
  });

  it("refuses more than is in stock, and shows a line that outgrew the stock as unavailable", async () => {
    const [scarce] = (await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] })).variantIds as [string];
    expect((await cart.add(scarce, 4)).userErrors.map((e) => e.code)).toEqual(["INSUFFICIENT_STOCK"]);
    const { cartToken, cart: made } = await cart.add(scarce, 3);
    await setStock(h.testDb.db, scarce, 1);
    const read = await cart.read(guest(cartToken as string));
    expect(read?.lines[0]?.available).toBe(false);
    expect(read?.subtotal.amount).toBe(3000);
    // Lowering always works; raising needs stock.
    expect((await cart.update(made?.lines[0]?.id as string, 1, guest(cartToken as string))).userErrors).toEqual([]);
    expect(
      (await cart.update(made?.lines[0]?.id as string, 2, guest(cartToken as string))).userErrors.map((e) => e.code),
    ).toEqual(["INSUFFICIENT_STOCK"]);
  });

  it("updates and removes lines", async () => {
    const { cartToken, cart: made } = await cart.add(pen, 2);
    const headers = guest(cartToken as string);
    const lineId = made?.lines[0]?.id as string;
    expect((await cart.update(lineId, 7, headers)).cart?.lines[0]?.quantity).toBe(7);
    const removed = await cart.remove(lineId, headers);
    expect(removed.cart?.lines).toEqual([]);
    expect(removed.cart?.subtotal.amount).toBe(0);
  });
});

describe("a customer's cart", () => {
  it("belongs to the signed-in user: the same cart from any request, no token involved", async () => {
    const me = await h.shopper();
    const first = await cart.add(mug, 1, me.headers);
    expect(first.cartToken).toBeNull();
    await cart.add(pen, 2, me.headers);
    const read = await cart.read(me.headers);
    expect(read?.id).toBe(first.cart?.id);
    expect(read?.totalQuantity).toBe(3);
  });

  it("is one cart even when the first additions race", async () => {
    const me = await h.shopper();
    const results = await Promise.all(Array.from({ length: 8 }, () => cart.add(pen, 1, me.headers)));
    expect(new Set(results.map((r) => r.cart?.id)).size).toBe(1);
    expect((await cart.read(me.headers))?.lines).toEqual([expect.objectContaining({ quantity: 8 })]);
  });

  it("is reachable as User.cart for its owner and admins only", async () => {
    const me = await h.shopper();
    const other = await h.shopper();
    const admin = await h.shopper({ roles: ["CUSTOMER", "ADMIN"] });
    await cart.add(pen, 2, me.headers);
    const query = `query($r:[_Any!]!){ _entities(representations:$r){ ... on User { cart { totalQuantity } } } }`;
    const reps = { r: [{ __typename: "User", id: me.userId }] };
    expect((await h.gql(query, reps, me.headers)).body.data).toEqual({ _entities: [{ cart: { totalQuantity: 2 } }] });
    expect((await h.gql(query, reps, admin.headers)).body.data).toEqual({
      _entities: [{ cart: { totalQuantity: 2 } }],
    });
    const refused = await h.gql(query, reps, other.headers);
    expect(refused.body.data).toEqual({ _entities: [{ cart: null }] });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("merging a guest cart on sign-in", () => {
  it("sums quantities, caps them by stock, reports what changed, and retires the guest token", async () => {
    const [few] = (await insertProduct(h.testDb.db, { variants: [{ stock: 4 }] })).variantIds as [string];
    const me = await h.shopper();
    await cart.add(few, 3, me.headers);
    await cart.add(mug, 1, me.headers);
    const { cartToken } = await cart.add(few, 3);
    await cart.add(pen, 5, guest(cartToken as string));
    await cart.add(draft, 1, guest(cartToken as string)).catch(() => undefined);

    const merged = await cart.merge({ ...me.headers, ...guest(cartToken as string) });
    expect(merged.userErrors.map((e) => e.code)).toEqual(["QUANTITY_REDUCED"]);
    expect(merged.userErrors[0]?.message).toContain(few);
    const lines = Object.fromEntries((merged.cart?.lines ?? []).map((l) => [l.variant.id, l.quantity]));
    expect(lines).toEqual({ [few]: 4, [mug]: 1, [pen]: 5 });
    expect(await cart.read(guest(cartToken as string))).toBeNull();
    expect((await cart.merge(me.headers, cartToken as string)).userErrors.map((e) => e.code)).toEqual([
      "CART_NOT_FOUND",
    ]);
  });

  it("drops lines that sold out or went off sale, reporting each", async () => {
    const soldOut = await insertProduct(h.testDb.db, { variants: [{ stock: 4 }] });
    const offSale = await insertProduct(h.testDb.db, { variants: [{ stock: 4 }] });
    const { cartToken } = await cart.add(soldOut.variantIds[0] as string, 1);
    await cart.add(offSale.variantIds[0] as string, 1, guest(cartToken as string));
    await setStock(h.testDb.db, soldOut.variantIds[0] as string, 0);
    await h.testDb.db
      .update(tables.products)
      .set({ status: "ARCHIVED" })
      .where(eq(tables.products.id, offSale.productId));
    const me = await h.shopper();
    const merged = await cart.merge(me.headers, cartToken as string);
    expect(merged.userErrors.map((e) => e.code).sort()).toEqual(["QUANTITY_REDUCED", "VARIANT_UNAVAILABLE"]);
    expect(merged.cart?.lines).toEqual([]);
  });

  it("needs a signed-in customer", async () => {
    const { cartToken } = await cart.add(pen, 1);
    const res = await h.gql(
      `mutation { mergeCart(input: {}) { userErrors { code } } }`,
      {},
      guest(cartToken as string),
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
