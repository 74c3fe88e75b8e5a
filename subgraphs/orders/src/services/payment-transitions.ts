import type { Database, tables } from "@bazaar/drizzle";
import { newId } from "@bazaar/subgraph-kit";
import type { OrderRow } from "../db/order.queries";
import { cancelOpenFulfillments } from "../db/order-write.queries";
import { type PaymentRow, raiseRefundedAmount } from "../db/payment.queries";
import { findRefundsOfPayment, insertRefund } from "../db/refund.queries";
import { SYSTEM } from "./actor";
import { PAYABLE, REFUNDABLE } from "./order-state";
import { transition } from "./order-transition";

/** Whether catalog sold the stock when the money arrived (GONE: the reservation lapsed and it was sold). */
export type StockVerdict = "COMMITTED" | "GONE";

/** What a provider's payment outcome does to the order, inside the handler's transaction. */
export async function cancelUnpaid(tx: Database, order: OrderRow, reason: string, data: Record<string, unknown>) {
  await cancelOpenFulfillments(tx, order.id);
  await transition(
    tx,
    order,
    {
      status: "CANCELLED",
      cancelReason: reason,
      stockState: order.stockState === "RESERVED" ? "RELEASE_PENDING" : order.stockState,
    },
    { type: "ORDER_CANCELLED", actor: SYSTEM, data: { ...data, reason } },
  );
}

/**
 * Money arrived. With the stock sold, the order is PAID. If the reservation lapsed and the stock is
 * gone, or the order was cancelled meanwhile, the customer must not pay for nothing: the whole
 * payment is refunded (OUT_OF_STOCK_AFTER_PAYMENT) and no stock is ever taken below zero.
 */
export async function paid(
  tx: Database,
  order: OrderRow,
  payment: PaymentRow,
  stock: StockVerdict | null,
  data: Record<string, unknown>,
) {
  const status = order.status as tables.OrderStatus;
  if (PAYABLE.includes(status) && stock === "COMMITTED") {
    await transition(
      tx,
      order,
      { status: "PAID", stockState: "COMMITTED" },
      { type: "ORDER_PAID", actor: SYSTEM, data },
    );
    return;
  }
  // Paid already (a second event for the same money) or past payment: nothing to do.
  if (!PAYABLE.includes(status) && status !== "CANCELLED") return;
  const refunded = (await findRefundsOfPayment(tx, payment.id)).reduce((sum, r) => sum + r.amount, 0);
  const amount = payment.amount - refunded;
  if (amount <= 0) return;
  const reason = PAYABLE.includes(status) ? "OUT_OF_STOCK_AFTER_PAYMENT" : "PAID_AFTER_CANCELLATION";
  await insertRefund(tx, { id: newId("rfd"), orderId: order.id, paymentId: payment.id, amount, reason });
  await cancelOpenFulfillments(tx, order.id);
  const refund = { ...data, reason, refundAmount: amount };
  if (PAYABLE.includes(status)) {
    await transition(
      tx,
      order,
      {
        status: "CANCELLED",
        cancelReason: reason,
        stockState: "RELEASED",
        refundedTotal: order.refundedTotal + amount,
      },
      { type: "ORDER_CANCELLED", actor: SYSTEM, data: refund },
    );
  } else {
    await transition(
      tx,
      order,
      { refundedTotal: order.refundedTotal + amount },
      { type: "REFUND_ISSUED", actor: SYSTEM, data: refund },
    );
  }
}

/** A refund made at the provider (e.g. in Stripe's dashboard): the order follows the provider's figure. */
export async function refundedByProvider(
  tx: Database,
  order: OrderRow,
  payment: PaymentRow,
  amountRefunded: number,
  data: Record<string, unknown>,
) {
  await raiseRefundedAmount(tx, payment.id, amountRefunded);
  const status = order.status as tables.OrderStatus;
  if (!REFUNDABLE.includes(status) || amountRefunded <= order.refundedTotal) return;
  const refundedTotal = Math.min(amountRefunded, order.total);
  const whole = refundedTotal >= order.total;
  await transition(
    tx,
    order,
    { status: whole ? "REFUNDED" : "PARTIALLY_REFUNDED", refundedTotal },
    { type: whole ? "ORDER_REFUNDED" : "ORDER_PARTIALLY_REFUNDED", actor: SYSTEM, data: { ...data, refundedTotal } },
  );
}
