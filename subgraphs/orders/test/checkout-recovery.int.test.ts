import { sweepExpiredReservations } from "@bazaar/catalog";
import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrashPoints } from "../src/context";
import { insertProduct, stockOf } from "./catalog.fixtures";
import { checkoutClient, fillCart, keyFor, sandboxClient } from "./checkout.fixtures";
import { type OrdersHarness, orderRow, startOrders } from "./harness";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;
let confirm: ReturnType<typeof sandboxClient>;
const crash: CrashPoints = {};
const LATER = () => new Date(Date.now() + 20 * 60_000);

beforeAll(async () => {
  h = await startOrders({ deps: { crashPoints: crash, settings: { intentLeaseMs: 300 } } });
  checkout = checkoutClient(h);
  confirm = sandboxClient(h);
});
afterAll(() => h?.stop());

async function buyer(variantId: string, quantity = 1) {
  const me = await h.shopper();
  await fillCart(h.testDb.db, me.userId, [[variantId, quantity]]);
  return me;
}
const reservation = async (orderId: string) =>
  (await h.testDb.db.select().from(tables.stockReservations).where(eq(tables.stockReservations.orderId, orderId)))[0]
    ?.status;
const paymentOf = async (orderId: string) =>
  (await h.testDb.db.select().from(tables.payments).where(eq(tables.payments.orderId, orderId)))[0];

describe("reservation expiry", () => {
  it("gives the stock back once (catalog's sweep first), and the unpaid order is cancelled with its intent", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] })).variantIds[0] as string;
    const { order } = await checkout(await buyer(variant), keyFor("expire"));
    expect(await stockOf(h.testDb.db, [variant])).toEqual([2]);
    await sweepExpiredReservations(h.testDb.db, LATER());
    expect(await stockOf(h.testDb.db, [variant])).toEqual([3]);
    expect(await h.server.runMaintenance({ now: LATER() })).toMatchObject({ expired: 1 });
    expect(await orderRow(h.testDb.db, order?.id as string)).toMatchObject({
      status: "CANCELLED",
      cancelReason: "RESERVATION_EXPIRED",
      stockState: "RELEASED",
    });
    const payment = await paymentOf(order?.id as string);
    expect(payment?.status).toBe("CANCELED");
    expect(h.sandbox.intent(payment?.providerPaymentId as string)?.status).toBe("CANCELED");
    expect(await stockOf(h.testDb.db, [variant])).toEqual([3]);
  });

  it("gives the stock back once when orders' sweep comes first", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] })).variantIds[0] as string;
    const { order } = await checkout(await buyer(variant, 2), keyFor("expire"));
    await h.server.runMaintenance({ now: LATER() });
    expect(await reservation(order?.id as string)).toBe("RELEASED");
    await sweepExpiredReservations(h.testDb.db, LATER());
    expect(await stockOf(h.testDb.db, [variant])).toEqual([3]);
  });

  it("leaves orders alone while their reservation holds", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] })).variantIds[0] as string;
    const { order } = await checkout(await buyer(variant), keyFor("fresh"));
    await h.server.runMaintenance();
    expect((await orderRow(h.testDb.db, order?.id as string))?.status).toBe("PENDING_PAYMENT");
  });
});

describe("a payment that arrives after the reservation lapsed", () => {
  it("still sells the stock when it is there", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 2 }] })).variantIds[0] as string;
    const me = await buyer(variant);
    const { order } = await checkout(me, keyFor("late"));
    await sweepExpiredReservations(h.testDb.db, LATER());
    expect((await confirm(me, order?.id as string, "SUCCEED")).order?.status).toBe("PAID");
    expect(await stockOf(h.testDb.db, [variant])).toEqual([1]);
  });

  it("is refunded in full when the stock went to someone else: OUT_OF_STOCK_AFTER_PAYMENT, never negative stock", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ price: 4200, stock: 1 }] }))
      .variantIds[0] as string;
    const late = await buyer(variant);
    const { order: lateOrder } = await checkout(late, keyFor("late"));
    await sweepExpiredReservations(h.testDb.db, LATER());
    const { order: quickOrder } = await checkout(await buyer(variant), keyFor("quick"));
    expect(quickOrder?.status).toBe("PENDING_PAYMENT");
    expect(await stockOf(h.testDb.db, [variant])).toEqual([0]);

    const refunds = h.sandbox.refundCount;
    const paid = await confirm(late, lateOrder?.id as string, "SUCCEED");
    expect(paid.order).toMatchObject({
      status: "CANCELLED",
      cancelReason: "OUT_OF_STOCK_AFTER_PAYMENT",
      refundedTotal: { amount: 4200 },
    });
    expect(paid.payment?.status).toBe("SUCCEEDED");
    expect(h.sandbox.refundCount - refunds).toBe(1);
    const [refund] = await h.testDb.db
      .select()
      .from(tables.refunds)
      .where(eq(tables.refunds.orderId, lateOrder?.id as string));
    expect(refund).toMatchObject({ amount: 4200, reason: "OUT_OF_STOCK_AFTER_PAYMENT", status: "SUCCEEDED" });
    expect((await paymentOf(lateOrder?.id as string))?.refundedAmount).toBe(4200);
    expect(await stockOf(h.testDb.db, [variant])).toEqual([0]);
    expect((await orderRow(h.testDb.db, quickOrder?.id as string))?.status).toBe("PENDING_PAYMENT");
  });
});

describe("a crash during checkout", () => {
  it("between placing the order and creating the intent recovers on retry with one intent", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 5 }] })).variantIds[0] as string;
    const me = await buyer(variant);
    const key = keyFor("crash");
    const intents = h.sandbox.intentCount;
    crash.afterOrderPlaced = () => {
      crash.afterOrderPlaced = undefined;
      throw new Error("simulated crash after the order was placed");
    };
    await expect(checkout(me, key)).rejects.toThrow(/simulated crash|INTERNAL/);
    const [placed] = await h.testDb.db.select().from(tables.orders).where(eq(tables.orders.userId, me.userId));
    expect(placed?.status).toBe("PENDING_PAYMENT");
    expect(await paymentOf(placed?.id as string)).toBeUndefined();

    const retried = await checkout(me, key);
    expect(retried.order?.id).toBe(placed?.id);
    expect(retried.payment?.clientSecret).toEqual(expect.any(String));
    expect(h.sandbox.intentCount - intents).toBe(1);
    expect(await stockOf(h.testDb.db, [variant])).toEqual([4]);
  });

  it("after the provider created the intent but before it was stored recovers with the same intent", async () => {
    const variant = (await insertProduct(h.testDb.db, { variants: [{ stock: 5 }] })).variantIds[0] as string;
    const me = await buyer(variant);
    const key = keyFor("crash");
    const intents = h.sandbox.intentCount;
    crash.afterIntentCreated = () => {
      crash.afterIntentCreated = undefined;
      throw new Error("simulated crash before the intent was stored");
    };
    await expect(checkout(me, key)).rejects.toThrow(/simulated crash|INTERNAL/);
    // The dead caller's lease runs out (300 ms here); the retry asks the provider again with the same key.
    const retried = await checkout(me, key);
    expect(retried.payment?.status).toBe("REQUIRES_PAYMENT_METHOD");
    expect(h.sandbox.intentCount - intents).toBe(1);
    const payment = await paymentOf(retried.order?.id as string);
    expect(h.sandbox.intent(payment?.providerPaymentId as string)).toBeDefined();
  });
});
