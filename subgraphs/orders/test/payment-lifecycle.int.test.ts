import { tables } from "@bazaar/drizzle";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProduct, stockOf } from "./catalog.fixtures";
import { checkoutClient, fillCart, keyFor, sandboxClient } from "./checkout.fixtures";
import { type OrdersHarness, orderRow, type Shopper, startOrders } from "./harness";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;
let confirm: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  h = await startOrders();
  checkout = checkoutClient(h);
  confirm = sandboxClient(h);
});
afterAll(() => h?.stop());

async function placed(stock = 5, quantity = 1): Promise<{ me: Shopper; orderId: string; variantId: string }> {
  const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ price: 2500, stock }] });
  const me = await h.shopper();
  await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, quantity]]);
  const res = await checkout(me, keyFor("pay"));
  return { me, orderId: res.order?.id as string, variantId: variantIds[0] as string };
}

const timeline = async (orderId: string) =>
  (
    await h.testDb.db
      .select()
      .from(tables.orderEvents)
      .where(eq(tables.orderEvents.orderId, orderId))
      .orderBy(asc(tables.orderEvents.sequence))
  ).map((e) => [e.sequence, e.type, e.toStatus]);

const reservationOf = async (orderId: string) =>
  (await h.testDb.db.select().from(tables.stockReservations).where(eq(tables.stockReservations.orderId, orderId)))[0]
    ?.status;

describe("a sandbox payment", () => {
  it("that succeeds makes the order PAID and sells the reserved stock", async () => {
    const { me, orderId, variantId } = await placed(5, 2);
    const res = await confirm(me, orderId, "SUCCEED");
    expect(res.userErrors).toEqual([]);
    expect(res.order?.status).toBe("PAID");
    expect(res.payment?.status).toBe("SUCCEEDED");
    expect(await reservationOf(orderId)).toBe("COMMITTED");
    expect(await stockOf(h.testDb.db, [variantId])).toEqual([3]);
    expect(await timeline(orderId)).toEqual([
      [1, "ORDER_PLACED", "PENDING_PAYMENT"],
      [2, "PAYMENT_PROCESSING", "PENDING_PAYMENT"],
      [3, "ORDER_PAID", "PAID"],
    ]);
    expect((await orderRow(h.testDb.db, orderId))?.stockState).toBe("COMMITTED");
  });

  it("that is declined leaves the order PAYMENT_FAILED with its stock held; a retry can still pay", async () => {
    const { me, orderId, variantId } = await placed();
    expect((await confirm(me, orderId, "DECLINE")).order?.status).toBe("PAYMENT_FAILED");
    expect(await reservationOf(orderId)).toBe("RESERVED");
    expect(await stockOf(h.testDb.db, [variantId])).toEqual([4]);
    expect((await confirm(me, orderId, "SUCCEED")).order?.status).toBe("PAID");
    expect((await timeline(orderId)).map(([, type]) => type)).toEqual([
      "ORDER_PLACED",
      "PAYMENT_FAILED",
      "PAYMENT_PROCESSING",
      "ORDER_PAID",
    ]);
  });

  it("that needs action (3-D Secure) says so on the timeline and stays payable", async () => {
    const { me, orderId } = await placed();
    const res = await confirm(me, orderId, "REQUIRE_ACTION");
    expect(res.order?.status).toBe("PENDING_PAYMENT");
    expect(res.payment?.status).toBe("REQUIRES_ACTION");
    expect((await timeline(orderId)).at(-1)).toEqual([2, "PAYMENT_REQUIRES_ACTION", "PENDING_PAYMENT"]);
    expect((await confirm(me, orderId, "SUCCEED")).order?.status).toBe("PAID");
  });

  it("cannot be confirmed twice, nor by another customer", async () => {
    const { me, orderId } = await placed();
    await confirm(me, orderId, "SUCCEED");
    expect((await confirm(me, orderId, "SUCCEED")).userErrors.map((e) => e.code)).toEqual(["PAYMENT_NOT_CONFIRMABLE"]);
    const other = await h.shopper();
    await expect(confirm(other, orderId, "SUCCEED")).rejects.toThrow(/FORBIDDEN/);
  });
});

describe("the order's timeline through the API", () => {
  it("lists every transition in sequence, and afterSequence skips what a client has seen", async () => {
    const { me, orderId } = await placed();
    await confirm(me, orderId, "SUCCEED");
    const res = await h.gql<{
      order: {
        events: {
          sequence: number;
          type: string;
          fromStatus: string | null;
          toStatus: string;
          actor: { type: string; id: string | null };
        }[];
      };
    }>(
      `query($id: ID!) { order(id: $id) { events(afterSequence: 1) { sequence type fromStatus toStatus actor { type id } } } }`,
      { id: orderId },
      me.headers,
    );
    expect(res.body.data?.order.events).toEqual([
      {
        sequence: 2,
        type: "PAYMENT_PROCESSING",
        fromStatus: "PENDING_PAYMENT",
        toStatus: "PENDING_PAYMENT",
        actor: { type: "SYSTEM", id: null },
      },
      {
        sequence: 3,
        type: "ORDER_PAID",
        fromStatus: "PENDING_PAYMENT",
        toStatus: "PAID",
        actor: { type: "SYSTEM", id: null },
      },
    ]);
  });
});
