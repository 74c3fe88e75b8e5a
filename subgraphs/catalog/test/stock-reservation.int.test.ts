import { tables } from "@bazaar/drizzle";
import { count, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, startCatalog } from "./harness";
import { COMMIT, call, RELEASE, reservationStatus, reserve, stockOf } from "./stock.fixtures";

let catalog: Catalog;
let seq = 0;
const orderId = () => `ord_test${String(++seq).padStart(4, "0")}`;

/** A listed product with variants of the given stock; returns the variant ids. */
async function variants(...stocks: number[]): Promise<string[]> {
  const product = await catalog.fixtures.product({
    title: "Desk lamp",
    sellerId: "sel_lumen",
    variants: stocks.map((stock, i) => ({ price: 1000 + i, stock, sku: `LAMP-${++seq}`, title: `Colour ${i}` })),
  });
  return product.variants.map((v) => v.id);
}

beforeAll(async () => {
  catalog = await startCatalog();
});
afterAll(() => catalog?.stop());

describe("reserveStock", () => {
  it("takes the stock and answers with catalog's prices, names and sellers", async () => {
    const [a, b] = (await variants(5, 5)) as [string, string];
    const id = orderId();
    const { userErrors, reservation } = await reserve(catalog.gql, id, [{ variantId: b, quantity: 2 }, { variantId: a, quantity: 1 }]);
    expect(userErrors).toEqual([]);
    expect(reservation).toMatchObject({ orderId: id, status: "RESERVED" });
    expect(reservation?.lines).toEqual(
      [a, b].map((variantId, i) => ({
        variantId,
        productId: expect.stringMatching(/^prd_/),
        sellerId: "sel_lumen",
        title: "Desk lamp",
        variantTitle: `Colour ${i}`,
        sku: expect.stringMatching(/^LAMP-/),
        unitPrice: { amount: 1000 + i, currencyCode: "USD" },
        quantity: i === 0 ? 1 : 2,
      })),
    );
    const expires = Date.parse(reservation?.expiresAt ?? "");
    expect(expires).toBeGreaterThan(Date.now() + 800_000);
    expect(await stockOf(catalog.db, a, b)).toEqual([4, 3]);
  });

  it("takes nothing when one line cannot be met, and names that line", async () => {
    const [a, b] = (await variants(5, 1)) as [string, string];
    const id = orderId();
    const { userErrors, reservation } = await reserve(catalog.gql, id, [{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }]);
    expect(reservation).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code: "INSUFFICIENT_STOCK", field: ["input", "lines", "1", "variantId"] })]);
    expect(await stockOf(catalog.db, a, b)).toEqual([5, 1]);
    expect(await reservationStatus(catalog.db, id)).toBeUndefined();
  });

  it.each([
    ["a malformed order id", { orderId: "ord 1" }, "INVALID_ORDER_ID", ["orderId"]],
    ["a ttl of 0", { ttlSeconds: 0 }, "INVALID_TTL", ["ttlSeconds"]],
    ["a ttl over a day", { ttlSeconds: 86_401 }, "INVALID_TTL", ["ttlSeconds"]],
    ["no lines", { lines: [] }, "LINES_REQUIRED", ["lines"]],
    ["a quantity of 0", { lines: [{ variantId: "var_x", quantity: 0 }] }, "INVALID_QUANTITY", ["lines", "0", "quantity"]],
    ["one variant twice", { lines: [{ variantId: "var_x", quantity: 1 }, { variantId: "var_x", quantity: 1 }] }, "DUPLICATE_VARIANT", ["lines", "1", "variantId"]],
    ["an unknown variant", { lines: [{ variantId: "var_nope", quantity: 1 }] }, "VARIANT_NOT_FOUND", ["lines", "0", "variantId"]],
  ])("refuses %s with %s", async (_case, overrides, code, field) => {
    const input = { orderId: orderId(), lines: [{ variantId: "var_x", quantity: 1 }], ttlSeconds: 60, ...overrides };
    const { userErrors, reservation } = await call(catalog.gql, `mutation($input: ReserveStockInput!) {
      reserveStock(input: $input) { reservation { orderId } userErrors { code field message } } }`, input);
    expect(reservation).toBeNull();
    expect(userErrors).toContainEqual(expect.objectContaining({ code, field: ["input", ...field] }));
  });

  it("refuses variants that are not on sale: draft products and unlisted sellers", async () => {
    const draft = await catalog.fixtures.product({ status: "DRAFT", variants: [{ price: 1, stock: 9 }] });
    await catalog.fixtures.sellerListing("sel_closed", false);
    const closed = await catalog.fixtures.product({ sellerId: "sel_closed", variants: [{ price: 1, stock: 9 }] });
    for (const variant of [draft.variants[0]!, closed.variants[0]!]) {
      const { userErrors } = await reserve(catalog.gql, orderId(), [{ variantId: variant.id, quantity: 1 }]);
      expect(userErrors).toEqual([expect.objectContaining({ code: "PRODUCT_UNAVAILABLE" })]);
      expect(await stockOf(catalog.db, variant.id)).toEqual([9]);
    }
  });

  it("returns the first reservation to a retry with the same order and lines, and refuses different lines", async () => {
    const [a, b] = (await variants(5, 5)) as [string, string];
    const id = orderId();
    const first = await reserve(catalog.gql, id, [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }]);
    const retry = await reserve(catalog.gql, id, [{ variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }]);
    expect(retry).toEqual(first);
    expect(await stockOf(catalog.db, a, b)).toEqual([4, 4]);
    const changed = await reserve(catalog.gql, id, [{ variantId: a, quantity: 2 }]);
    expect(changed.userErrors).toEqual([expect.objectContaining({ code: "RESERVATION_MISMATCH", field: ["input", "lines"] })]);
    expect(await stockOf(catalog.db, a, b)).toEqual([4, 4]);
  });
});

describe("commitReservation and releaseReservation", () => {
  it("commit sells the stock, once however often it is called", async () => {
    const [a] = (await variants(3)) as [string];
    const id = orderId();
    await reserve(catalog.gql, id, [{ variantId: a, quantity: 2 }]);
    for (let i = 0; i < 2; i += 1) {
      expect(await call(catalog.gql, COMMIT, { orderId: id })).toEqual({ reservation: { orderId: id, status: "COMMITTED" }, userErrors: [] });
    }
    expect(await stockOf(catalog.db, a)).toEqual([1]);
  });

  it("release gives the stock back once; releasing a committed order restocks it", async () => {
    const [a] = (await variants(3)) as [string];
    const [held, sold] = [orderId(), orderId()];
    await reserve(catalog.gql, held, [{ variantId: a, quantity: 2 }]);
    await reserve(catalog.gql, sold, [{ variantId: a, quantity: 1 }]);
    await call(catalog.gql, COMMIT, { orderId: sold });
    expect(await stockOf(catalog.db, a)).toEqual([0]);
    for (let i = 0; i < 2; i += 1) {
      expect((await call(catalog.gql, RELEASE, { orderId: held })).reservation?.status).toBe("RELEASED");
    }
    expect(await stockOf(catalog.db, a)).toEqual([2]);
    await call(catalog.gql, RELEASE, { orderId: sold });
    expect(await stockOf(catalog.db, a)).toEqual([3]);
  });

  it("answer RESERVATION_NOT_FOUND for an order that reserved nothing", async () => {
    for (const mutation of [COMMIT, RELEASE]) {
      const { userErrors } = await call(catalog.gql, mutation, { orderId: "ord_never" });
      expect(userErrors).toEqual([expect.objectContaining({ code: "RESERVATION_NOT_FOUND", field: ["input", "orderId"] })]);
    }
  });
});

it("no stock is ever negative", async () => {
  const [negative] = await catalog.db.select({ n: count() }).from(tables.productVariants).where(lt(tables.productVariants.stock, 0));
  expect(negative?.n).toBe(0);
});
