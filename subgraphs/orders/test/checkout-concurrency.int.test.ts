import { tables } from "@bazaar/drizzle";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProduct, stockOf } from "./catalog.fixtures";
import { type CheckoutView, checkoutClient, fillCarts, keyFor } from "./checkout.fixtures";
import { type OrdersHarness, type Shopper, startOrders } from "./harness";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;

// Two cores: a pool of 20 is plenty; the contention under test is on rows, not connections. Every
// request of a rush waits its turn at catalog, so the test allows catalog calls far more than 10 s.
beforeAll(async () => {
  h = await startOrders({ maxConnections: 20, deps: { catalogTimeoutMs: 180_000 } });
  checkout = checkoutClient(h);
});
afterAll(() => h?.stop());

async function shoppers(n: number): Promise<Shopper[]> {
  return Promise.all(Array.from({ length: n }, () => h.shopper()));
}

/** Samples a variant's stock until stopped; the lowest value it ever saw. */
function watchStock(variantId: string) {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [stock] = await stockOf(h.testDb.db, [variantId]);
      lowest = Math.min(lowest, stock ?? lowest);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return lowest;
  };
}

const codes = (results: CheckoutView[]) => {
  const tally = new Map<string, number>();
  for (const r of results) {
    const key = r.order ? `ORDER_${r.order.status}` : [...new Set(r.userErrors.map((e) => e.code))].join("+");
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(tally);
};

const ordersOf = async (variantId: string) =>
  (
    await h.testDb.db.select({ n: count() }).from(tables.orderLines).where(eq(tables.orderLines.variantId, variantId))
  )[0]?.n;

describe("checkout under concurrency", () => {
  it("sells exactly the 10 units in stock to 1,000 simultaneous buyers; 990 get INSUFFICIENT_STOCK; stock never goes below 0", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ price: 1999, stock: 10 }] });
    const variant = variantIds[0] as string;
    const buyers = await shoppers(1000);
    await fillCarts(
      h.testDb.db,
      buyers.map((b) => ({ userId: b.userId, lines: [[variant, 1]] })),
    );

    const stopWatching = watchStock(variant);
    const settled = await Promise.allSettled(buyers.map((b) => checkout(b, keyFor("rush"))));
    const lowest = await stopWatching();
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    const results = settled.map((r) => (r as PromiseFulfilledResult<CheckoutView>).value);

    expect(codes(results)).toEqual({ ORDER_PENDING_PAYMENT: 10, INSUFFICIENT_STOCK: 990 });
    expect(await ordersOf(variant)).toBe(10);
    expect(await stockOf(h.testDb.db, [variant])).toEqual([0]);
    expect(lowest).toBeGreaterThanOrEqual(0);
    // Every order got its payment set up; nobody else left anything behind.
    const orderIds = results.flatMap((r) => (r.order ? [r.order.id] : []));
    expect(results.filter((r) => r.payment?.clientSecret)).toHaveLength(10);
    expect(
      await h.testDb.db.select().from(tables.payments).where(inArray(tables.payments.orderId, orderIds)),
    ).toHaveLength(10);
    const reserved = await h.testDb.db
      .select({ n: count() })
      .from(tables.stockReservationLines)
      .where(eq(tables.stockReservationLines.variantId, variant));
    expect(reserved[0]?.n).toBe(10);
  });

  it("lets 500 pairs of carts take the same two variants in opposite orders without a deadlock reaching anyone", async () => {
    const a = (await insertProduct(h.testDb.db, { variants: [{ price: 500, stock: 600 }] })).variantIds[0] as string;
    const b = (await insertProduct(h.testDb.db, { variants: [{ price: 700, stock: 600 }] })).variantIds[0] as string;
    const buyers = await shoppers(1000);
    await fillCarts(
      h.testDb.db,
      buyers.map((buyer, i) => ({
        userId: buyer.userId,
        lines:
          i % 2 === 0
            ? [
                [a, 1],
                [b, 1],
              ]
            : [
                [b, 1],
                [a, 1],
              ],
      })),
    );
    // checkout() fails the test on any GraphQL error (a deadlock would surface as one).
    const results = await Promise.all(buyers.map((buyer) => checkout(buyer, keyFor("pair"))));
    expect(codes(results)).toEqual({ ORDER_PENDING_PAYMENT: 600, INSUFFICIENT_STOCK: 400 });
    expect(await stockOf(h.testDb.db, [a, b])).toEqual([0, 0]);
    expect(await ordersOf(a)).toBe(600);
    expect(await ordersOf(b)).toBe(600);
  });

  it("turns one checkout key sent 5 times at once into one order and one payment intent", async () => {
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 50 }] });
    const [buyer] = await shoppers(1);
    const me = buyer as Shopper;
    await fillCarts(h.testDb.db, [{ userId: me.userId, lines: [[variantIds[0] as string, 2]] }]);
    const intents = h.sandbox.intentCount;
    const key = keyFor("five");
    const results = await Promise.all(Array.from({ length: 5 }, () => checkout(me, key)));
    expect(results.map((r) => r.userErrors)).toEqual(Array(5).fill([]));
    expect(new Set(results.map((r) => r.order?.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.payment?.clientSecret)).size).toBe(1);
    expect(h.sandbox.intentCount - intents).toBe(1);
    const orders = await h.testDb.db
      .select({ n: count() })
      .from(tables.orders)
      .where(sql`${tables.orders.userId} = ${me.userId}`);
    expect(orders[0]?.n).toBe(1);
    expect(await stockOf(h.testDb.db, [variantIds[0] as string])).toEqual([48]);
  });
});
