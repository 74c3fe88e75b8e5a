import { tables } from "@bazaar/drizzle";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRIPE_WEBHOOK_PATH } from "../src/payments/stripe-webhook.route";
import { insertProduct, stockOf } from "./catalog.fixtures";
import { checkoutClient, fillCart, keyFor } from "./checkout.fixtures";
import { type OrdersHarness, orderRow, startOrders } from "./harness";
import { RecordingProvider } from "./recording.provider";
import { deliver, signature, stripeEvent, WEBHOOK_SECRET } from "./stripe-events.fixtures";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;
let webhook: string;
const stripe = new RecordingProvider();

beforeAll(async () => {
  h = await startOrders({ deps: { paymentProvider: stripe, payments: { stripeWebhookSecret: WEBHOOK_SECRET } } });
  checkout = checkoutClient(h);
  webhook = `${h.orders.url}${STRIPE_WEBHOOK_PATH}`;
});
afterAll(() => h?.stop());

async function placed(stock = 5) {
  const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ price: 3000, stock }] });
  const me = await h.shopper();
  await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
  const res = await checkout(me, keyFor("hook"));
  const payment = (
    await h.testDb.db
      .select()
      .from(tables.payments)
      .where(eq(tables.payments.orderId, res.order?.id as string))
  )[0];
  return {
    me,
    orderId: res.order?.id as string,
    intentId: payment?.providerPaymentId as string,
    variantId: variantIds[0] as string,
  };
}

const rows = async (table: typeof tables.orderEvents | typeof tables.outbox, orderId: string, type: string) =>
  table === tables.orderEvents
    ? h.testDb.db
        .select()
        .from(tables.orderEvents)
        .where(and(eq(tables.orderEvents.orderId, orderId), eq(tables.orderEvents.type, type)))
    : h.testDb.db
        .select()
        .from(tables.outbox)
        .where(and(eq(tables.outbox.aggregateId, orderId), eq(tables.outbox.type, type)));
const statusOf = async (orderId: string) => (await orderRow(h.testDb.db, orderId))?.status;

describe("POST /webhooks/stripe", () => {
  it("applies one event delivered 10 times at once exactly once: one transition, one outbox message", async () => {
    const { orderId, intentId } = await placed();
    const event = stripeEvent("payment_intent.succeeded", intentId);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(webhook, event)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.outcome === "applied")).toHaveLength(1);
    expect(await statusOf(orderId)).toBe("PAID");
    expect(await rows(tables.orderEvents, orderId, "ORDER_PAID")).toHaveLength(1);
    expect(await rows(tables.outbox, orderId, "order.paid")).toHaveLength(1);
    expect(
      await h.testDb.db.select().from(tables.paymentEvents).where(eq(tables.paymentEvents.id, event.id)),
    ).toHaveLength(1);
  });

  const orderings = [
    ["created", "processing", "succeeded"],
    ["created", "succeeded", "processing"],
    ["processing", "created", "succeeded"],
    ["processing", "succeeded", "created"],
    ["succeeded", "created", "processing"],
    ["succeeded", "processing", "created"],
  ];
  it.each(orderings)("ends PAID whatever the order of delivery: %s, %s, %s", async (...types) => {
    const { orderId, intentId } = await placed();
    for (const type of types)
      expect((await deliver(webhook, stripeEvent(`payment_intent.${type}`, intentId))).status).toBe(200);
    expect(await statusOf(orderId)).toBe("PAID");
    const payment = (await h.testDb.db.select().from(tables.payments).where(eq(tables.payments.orderId, orderId)))[0];
    expect(payment?.status).toBe("SUCCEEDED");
    expect(await rows(tables.orderEvents, orderId, "ORDER_PAID")).toHaveLength(1);
  });

  it.each([
    ["a signature made with another secret", { secret: "whsec_someone_else" }],
    ["a signature older than 300 seconds", { timestamp: Math.floor(Date.now() / 1000) - 301 }],
    ["no signature", { header: null }],
    ["a malformed signature header", { header: "t=1,v1=nothex" }],
  ])("answers 400 to %s and writes nothing", async (_name, options) => {
    const { orderId, intentId } = await placed();
    const before = [
      await h.testDb.db.select().from(tables.paymentEvents),
      await h.testDb.db.select().from(tables.outbox),
    ];
    const event = stripeEvent("payment_intent.succeeded", intentId);
    const res = await deliver(webhook, event, options);
    expect(res.status).toBe(400);
    expect(await statusOf(orderId)).toBe("PENDING_PAYMENT");
    expect(await h.testDb.db.select().from(tables.paymentEvents)).toHaveLength(before[0]?.length ?? -1);
    expect(await h.testDb.db.select().from(tables.outbox)).toHaveLength(before[1]?.length ?? -1);
  });

  it("answers 400 to a body changed after signing", async () => {
    const { orderId, intentId } = await placed();
    const event = stripeEvent("payment_intent.succeeded", intentId);
    const header = signature(JSON.stringify({ ...event, type: "payment_intent.created" }));
    expect((await deliver(webhook, event, { header })).status).toBe(400);
    expect(await statusOf(orderId)).toBe("PENDING_PAYMENT");
  });

  it("acknowledges events for intents it does not know, and event types it does not act on", async () => {
    expect((await deliver(webhook, stripeEvent("payment_intent.succeeded", "pi_not_ours"))).body).toEqual({
      received: true,
      outcome: "ignored",
    });
    expect((await deliver(webhook, stripeEvent("customer.created", "pi_x"))).body).toEqual({
      received: true,
      outcome: "ignored",
    });
  });

  it("marks a declined payment PAYMENT_FAILED, and a cancelled intent cancels the order and releases its stock", async () => {
    const declined = await placed();
    await deliver(webhook, stripeEvent("payment_intent.payment_failed", declined.intentId));
    expect(await statusOf(declined.orderId)).toBe("PAYMENT_FAILED");
    const cancelled = await placed(3);
    expect(await stockOf(h.testDb.db, [cancelled.variantId])).toEqual([2]);
    await deliver(webhook, stripeEvent("payment_intent.canceled", cancelled.intentId));
    expect(await orderRow(h.testDb.db, cancelled.orderId)).toMatchObject({
      status: "CANCELLED",
      cancelReason: "PAYMENT_CANCELED",
      stockState: "RELEASED",
    });
    expect(await stockOf(h.testDb.db, [cancelled.variantId])).toEqual([3]);
  });

  it("keeps state moving forward: a late failure or cancellation cannot undo a payment", async () => {
    const { orderId, intentId } = await placed();
    await deliver(webhook, stripeEvent("payment_intent.succeeded", intentId));
    await deliver(webhook, stripeEvent("payment_intent.payment_failed", intentId));
    await deliver(webhook, stripeEvent("payment_intent.canceled", intentId));
    expect(await statusOf(orderId)).toBe("PAID");
  });

  it("follows refunds made at Stripe: partial, then whole", async () => {
    const { orderId, intentId } = await placed();
    await deliver(webhook, stripeEvent("payment_intent.succeeded", intentId));
    await deliver(webhook, stripeEvent("charge.refunded", intentId, { amountRefunded: 1000 }));
    expect(await orderRow(h.testDb.db, orderId)).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedTotal: 1000 });
    await deliver(webhook, stripeEvent("charge.refunded", intentId, { amountRefunded: 3000 }));
    expect(await orderRow(h.testDb.db, orderId)).toMatchObject({ status: "REFUNDED", refundedTotal: 3000 });
  });

  it("refunds a payment that succeeds after the customer cancelled", async () => {
    const { me, orderId, intentId } = await placed();
    const cancelled = await h.gql(
      `mutation($id: ID!) { cancelOrder(input: { orderId: $id }) { order { status } } }`,
      { id: orderId },
      me.headers,
    );
    expect(cancelled.body.data).toEqual({ cancelOrder: { order: { status: "CANCELLED" } } });
    await deliver(webhook, stripeEvent("payment_intent.succeeded", intentId));
    const refunds = [...stripe.refunds.values()].filter((r) => r.orderId === orderId);
    expect(refunds).toEqual([
      expect.objectContaining({ paymentIntentId: intentId, amount: 3000, reason: "PAID_AFTER_CANCELLATION" }),
    ]);
    expect(await rows(tables.orderEvents, orderId, "REFUND_ISSUED")).toHaveLength(1);
    expect(await statusOf(orderId)).toBe("CANCELLED");
  });
});

describe("with Stripe as the provider", () => {
  it("refuses confirmSandboxPayment with SANDBOX_DISABLED", async () => {
    const { me, orderId } = await placed();
    const res = await h.gql(
      `mutation($id: ID!) { confirmSandboxPayment(input: { orderId: $id, outcome: SUCCEED }) { userErrors { code } } }`,
      { id: orderId },
      me.headers,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("SANDBOX_DISABLED");
    expect(await statusOf(orderId)).toBe("PENDING_PAYMENT");
  });
});
