import type { Database, tables } from "@bazaar/drizzle";
import type { OrdersRuntime } from "../context";
import { findOrdersByIds, type OrderRow } from "../db/order.queries";
import { lockOrder } from "../db/order-write.queries";
import {
  findPaymentByProviderId,
  lockPayment,
  type PaymentRow,
  paymentEventSeen,
  recordPaymentEvent,
  setPaymentStatus,
} from "../db/payment.queries";
import type { PaymentEvent } from "../payments/payment-provider";
import { SYSTEM } from "./actor";
import { settleOrder } from "./order-effects.service";
import { PAYABLE, paymentMayMove } from "./order-state";
import { transition } from "./order-transition";
import { cancelUnpaid, paid, refundedByProvider, type StockVerdict } from "./payment-transitions";

export type PaymentEventOutcome = "applied" | "duplicate" | "ignored";

/**
 * The one handler for what payment providers report, from Stripe's webhook or the sandbox.
 * Deliveries repeat and arrive in any order: the event id is recorded in the same transaction as
 * its effect (so a repeat changes nothing), and payment and order states only move forward.
 * Unknown intents are not ours: acknowledged and ignored.
 */
export async function handlePaymentEvent(rt: OrdersRuntime, event: PaymentEvent): Promise<PaymentEventOutcome> {
  if (await paymentEventSeen(rt.db, event.id)) return "duplicate";
  const payment = await findPaymentByProviderId(rt.db, event.paymentIntentId);
  if (!payment) return "ignored";
  // Selling the stock is catalog's decision and a remote call: made before, never inside, the transaction.
  const stock = event.type === "succeeded" ? await sellStock(rt, payment.orderId) : null;
  const outcome = await rt.db.transaction(async (tx): Promise<PaymentEventOutcome> => {
    const fresh = await recordPaymentEvent(tx, {
      id: event.id,
      provider: event.provider,
      type: event.type,
      providerPaymentId: event.paymentIntentId,
    });
    if (!fresh) return "duplicate";
    const order = await lockOrder(tx, payment.orderId);
    const current = await lockPayment(tx, payment.id);
    if (order && current) await apply(tx, order, current, event, stock);
    return "applied";
  });
  if (outcome === "applied") await settleOrder(rt, payment.orderId);
  return outcome;
}

/** Commits the reservation of a still unpaid order; GONE when it lapsed and the stock was sold meanwhile. */
async function sellStock(rt: OrdersRuntime, orderId: string): Promise<StockVerdict | null> {
  const [order] = await findOrdersByIds(rt.db, [orderId]);
  if (!order || !PAYABLE.includes(order.status as tables.OrderStatus)) return null;
  if (order.stockState === "COMMITTED") return "COMMITTED";
  // Transport failures throw: the webhook answers 500 and the provider delivers again later.
  const committed = await rt.catalog.commitReservation(orderId);
  return committed.ok ? "COMMITTED" : "GONE";
}

async function movePayment(tx: Database, payment: PaymentRow, to: tables.PaymentStatus): Promise<boolean> {
  if (!paymentMayMove(payment.status as tables.PaymentStatus, to)) return false;
  await setPaymentStatus(tx, payment.id, to);
  return true;
}

async function apply(
  tx: Database,
  order: OrderRow,
  payment: PaymentRow,
  event: PaymentEvent,
  stock: StockVerdict | null,
) {
  const status = order.status as tables.OrderStatus;
  const payable = PAYABLE.includes(status);
  const data = { paymentId: payment.id, providerEventId: event.id };
  switch (event.type) {
    case "created":
      return;
    case "processing":
      if ((await movePayment(tx, payment, "PROCESSING")) && payable) {
        await transition(tx, order, {}, { type: "PAYMENT_PROCESSING", actor: SYSTEM, data });
      }
      return;
    case "requires_action":
      if ((await movePayment(tx, payment, "REQUIRES_ACTION")) && payable) {
        await transition(tx, order, {}, { type: "PAYMENT_REQUIRES_ACTION", actor: SYSTEM, data });
      }
      return;
    case "failed":
      if ((await movePayment(tx, payment, "FAILED")) && payable) {
        // The stock stays held until the reservation lapses: the customer may retry with another card.
        await transition(
          tx,
          order,
          { status: "PAYMENT_FAILED" },
          {
            type: "PAYMENT_FAILED",
            actor: SYSTEM,
            data: { ...data, message: event.failureMessage ?? null },
          },
        );
      }
      return;
    case "canceled":
      if ((await movePayment(tx, payment, "CANCELED")) && payable) {
        await cancelUnpaid(tx, order, "PAYMENT_CANCELED", data);
      }
      return;
    case "succeeded":
      await movePayment(tx, payment, "SUCCEEDED");
      return paid(tx, order, payment, stock, data);
    case "refunded":
      return refundedByProvider(tx, order, payment, event.amountRefunded ?? 0, data);
  }
}
