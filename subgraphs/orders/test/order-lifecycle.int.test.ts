import { tables } from "@bazaar/drizzle";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockOf } from "./catalog.fixtures";
import { type OrdersHarness, orderRow, type Shopper, startOrders } from "./harness";
import { cast, twoSellerOrder } from "./order-flow.fixtures";

let h: OrdersHarness;
let actors: Awaited<ReturnType<typeof cast>>;

beforeAll(async () => {
  h = await startOrders();
  actors = await cast(h);
});
afterAll(() => h?.stop());

type Payload = {
  order: { status: string; refundedTotal: { amount: number } } | null;
  fulfillment?: { status: string; trackingNumber: string | null } | null;
  userErrors: { code: string }[];
};

async function mutate(name: string, input: Record<string, unknown>, who: Shopper) {
  const inputType = `${name[0]?.toUpperCase()}${name.slice(1)}Input`;
  const fulfillment = name.startsWith("markFulfillment") ? "fulfillment { status trackingNumber }" : "";
  const res = await h.gql<Record<string, Payload>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { order { status refundedTotal { amount } } ${fulfillment} userErrors { code } } }`,
    { input },
    who.headers,
  );
  return { payload: res.body.data?.[name] ?? null, code: res.body.errors?.[0]?.extensions?.code };
}
const ship = (fulfillmentId: string, who: Shopper) =>
  mutate("markFulfillmentShipped", { fulfillmentId, trackingNumber: "1Z999" }, who);
const deliver = (fulfillmentId: string, who: Shopper) => mutate("markFulfillmentDelivered", { fulfillmentId }, who);
const errorCodes = (result: Awaited<ReturnType<typeof mutate>>) => result.payload?.userErrors.map((e) => e.code);

const timeline = async (orderId: string) =>
  h.testDb.db
    .select()
    .from(tables.orderEvents)
    .where(eq(tables.orderEvents.orderId, orderId))
    .orderBy(asc(tables.orderEvents.sequence));
const outbox = async (orderId: string) =>
  h.testDb.db
    .select()
    .from(tables.outbox)
    .where(eq(tables.outbox.aggregateId, orderId))
    .orderBy(asc(tables.outbox.sequence));

describe("fulfillment", () => {
  it("ships and delivers each seller's part; the last delivery completes the order; every step is an event with an outbox message", async () => {
    const { orderId, fulfillments } = await twoSellerOrder(h);
    const shipped = await ship(fulfillments.a, actors.sellerA);
    expect(shipped.payload?.fulfillment).toEqual({ status: "SHIPPED", trackingNumber: "1Z999" });
    expect(shipped.payload?.order?.status).toBe("PAID");
    await ship(fulfillments.b, actors.admin);
    await deliver(fulfillments.a, actors.sellerA);
    const last = await deliver(fulfillments.b, actors.sellerB);
    expect(last.payload?.order?.status).toBe("COMPLETED");

    const events = await timeline(orderId);
    expect(events.map((e) => [e.type, e.actorType])).toEqual([
      ["ORDER_PLACED", "CUSTOMER"],
      ["PAYMENT_PROCESSING", "SYSTEM"],
      ["ORDER_PAID", "SYSTEM"],
      ["FULFILLMENT_SHIPPED", "SELLER"],
      ["FULFILLMENT_SHIPPED", "ADMIN"],
      ["FULFILLMENT_DELIVERED", "SELLER"],
      ["FULFILLMENT_DELIVERED", "SELLER"],
      ["ORDER_COMPLETED", "SELLER"],
    ]);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[3]?.fulfillmentId).toBe(fulfillments.a);
    expect((await outbox(orderId)).map((m) => [m.sequence, m.type])).toEqual([
      [1, "order.placed"],
      [2, "order.payment_processing"],
      [3, "order.paid"],
      [4, "order.shipped"],
      [5, "order.shipped"],
      [6, "order.delivered"],
      [7, "order.delivered"],
      [8, "order.completed"],
    ]);
  });

  it("is only the fulfillment's seller's (or an admin's) to move, only forward, and only once the order is paid", async () => {
    const { fulfillments } = await twoSellerOrder(h);
    expect((await ship(fulfillments.a, actors.sellerB)).code).toBe("FORBIDDEN");
    expect((await ship(fulfillments.a, actors.stranger)).code).toBe("FORBIDDEN");
    expect(errorCodes(await deliver(fulfillments.a, actors.sellerA))).toEqual(["INVALID_FULFILLMENT_STATE"]);
    await ship(fulfillments.a, actors.sellerA);
    expect(errorCodes(await ship(fulfillments.a, actors.sellerA))).toEqual(["INVALID_FULFILLMENT_STATE"]);
    const unpaid = await twoSellerOrder(h, { pay: false });
    expect(errorCodes(await ship(unpaid.fulfillments.a, actors.sellerA))).toEqual(["INVALID_FULFILLMENT_STATE"]);
    expect(errorCodes(await ship("ful_unknown", actors.sellerA))).toEqual(["FULFILLMENT_NOT_FOUND"]);
  });
});

describe("cancelOrder", () => {
  it("cancels an unpaid order for its customer: the intent is cancelled and the stock released", async () => {
    const { customer, orderId, variants } = await twoSellerOrder(h, { pay: false });
    expect(await stockOf(h.testDb.db, [variants.a, variants.b])).toEqual([48, 49]);
    const res = await mutate("cancelOrder", { orderId }, customer);
    expect(res.payload?.order?.status).toBe("CANCELLED");
    expect(await stockOf(h.testDb.db, [variants.a, variants.b])).toEqual([50, 50]);
    const row = await orderRow(h.testDb.db, orderId);
    expect(row).toMatchObject({ cancelReason: "CUSTOMER_REQUEST", stockState: "RELEASED", refundedTotal: 0 });
    const [payment] = await h.testDb.db.select().from(tables.payments).where(eq(tables.payments.orderId, orderId));
    expect(h.sandbox.intent(payment?.providerPaymentId as string)?.status).toBe("CANCELED");
  });

  it("cancels a paid order before shipment: refunds everything and restocks", async () => {
    const { customer, orderId, variants, fulfillments } = await twoSellerOrder(h);
    const refunds = h.sandbox.refundCount;
    const res = await mutate("cancelOrder", { orderId }, customer);
    expect(res.payload?.order).toEqual({ status: "CANCELLED", refundedTotal: { amount: 3700 } });
    expect(h.sandbox.refundCount - refunds).toBe(1);
    expect(await stockOf(h.testDb.db, [variants.a, variants.b])).toEqual([50, 50]);
    const statuses = await h.testDb.db
      .select()
      .from(tables.fulfillments)
      .where(eq(tables.fulfillments.orderId, orderId));
    expect(statuses.map((f) => f.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(errorCodes(await ship(fulfillments.a, actors.sellerA))).toEqual(["INVALID_FULFILLMENT_STATE"]);
  });

  it("refuses once anything shipped, twice, and for anyone but the customer or an admin", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(h);
    expect((await mutate("cancelOrder", { orderId }, actors.stranger)).code).toBe("FORBIDDEN");
    expect((await mutate("cancelOrder", { orderId }, actors.sellerA)).code).toBe("FORBIDDEN");
    await ship(fulfillments.b, actors.sellerB);
    expect(errorCodes(await mutate("cancelOrder", { orderId }, customer))).toEqual(["ORDER_NOT_CANCELLABLE"]);
    const other = await twoSellerOrder(h, { pay: false });
    expect((await mutate("cancelOrder", { orderId: other.orderId }, actors.admin)).payload?.order?.status).toBe(
      "CANCELLED",
    );
    expect(errorCodes(await mutate("cancelOrder", { orderId: other.orderId }, other.customer))).toEqual([
      "ORDER_NOT_CANCELLABLE",
    ]);
  });
});

describe("refundOrder", () => {
  it("refunds part, then the rest, for admins only: PARTIALLY_REFUNDED, then REFUNDED", async () => {
    const { orderId, customer } = await twoSellerOrder(h);
    expect((await mutate("refundOrder", { orderId, amount: 500 }, customer)).code).toBe("FORBIDDEN");
    const part = await mutate("refundOrder", { orderId, amount: 500, reason: "Scratched lid" }, actors.admin);
    expect(part.payload?.order).toEqual({ status: "PARTIALLY_REFUNDED", refundedTotal: { amount: 500 } });
    expect(errorCodes(await mutate("refundOrder", { orderId, amount: 5000 }, actors.admin))).toEqual([
      "REFUND_TOO_LARGE",
    ]);
    const rest = await mutate("refundOrder", { orderId }, actors.admin);
    expect(rest.payload?.order).toEqual({ status: "REFUNDED", refundedTotal: { amount: 3700 } });
    const refunds = await h.testDb.db.select().from(tables.refunds).where(eq(tables.refunds.orderId, orderId));
    expect(refunds.map((r) => [r.amount, r.status]).sort()).toEqual([
      [3200, "SUCCEEDED"],
      [500, "SUCCEEDED"],
    ]);
    const [payment] = await h.testDb.db.select().from(tables.payments).where(eq(tables.payments.orderId, orderId));
    expect(payment?.refundedAmount).toBe(3700);
    expect((await timeline(orderId)).slice(-2).map((e) => [e.type, e.actorType])).toEqual([
      ["ORDER_PARTIALLY_REFUNDED", "ADMIN"],
      ["ORDER_REFUNDED", "ADMIN"],
    ]);
  });

  it("refuses unpaid orders and bad amounts", async () => {
    const unpaid = await twoSellerOrder(h, { pay: false });
    expect(errorCodes(await mutate("refundOrder", { orderId: unpaid.orderId }, actors.admin))).toEqual([
      "ORDER_NOT_REFUNDABLE",
    ]);
    const paid = await twoSellerOrder(h);
    expect(errorCodes(await mutate("refundOrder", { orderId: paid.orderId, amount: 0 }, actors.admin))).toEqual([
      "INVALID_AMOUNT",
    ]);
    expect(errorCodes(await mutate("refundOrder", { orderId: "ord_none" }, actors.admin))).toEqual(["ORDER_NOT_FOUND"]);
  });
});
