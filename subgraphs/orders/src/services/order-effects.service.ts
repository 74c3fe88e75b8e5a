import type { OrdersRuntime } from "../context";
import { markStockReleased } from "../db/maintenance.queries";
import { findOrdersByIds } from "../db/order.queries";
import {
  findLatestPaymentsByOrderIds,
  findPaymentById,
  raiseRefundedAmount,
  setPaymentStatus,
} from "../db/payment.queries";
import { findPendingRefundsOfOrder, markRefund, type RefundRow } from "../db/refund.queries";
import { PaymentProviderError } from "../payments/payment-provider";

const log = (msg: string, orderId: string, error: unknown) =>
  console.error(
    JSON.stringify({ level: "error", msg, orderId, error: error instanceof Error ? error.message : String(error) }),
  );

/**
 * What a committed order change still owes the outside world: cancelling an unpaid intent,
 * giving stock back, issuing refunds. Always after the transaction, never inside one; every step is
 * idempotent and leaves a durable marker (stock_state, refund rows), so whatever fails here is
 * retried by maintenance until it succeeds.
 */
export async function settleOrder(rt: OrdersRuntime, orderId: string): Promise<void> {
  const [order] = await findOrdersByIds(rt.db, [orderId]);
  if (!order) return;
  if (order.status === "CANCELLED") await cancelOpenIntent(rt, orderId);
  if (order.stockState === "RELEASE_PENDING") await releaseStock(rt, orderId);
  for (const refund of await findPendingRefundsOfOrder(rt.db, orderId)) await issueRefund(rt, refund);
}

async function cancelOpenIntent(rt: OrdersRuntime, orderId: string): Promise<void> {
  const [payment] = await findLatestPaymentsByOrderIds(rt.db, [orderId]);
  if (!payment?.providerPaymentId || payment.status === "SUCCEEDED" || payment.status === "CANCELED") return;
  try {
    const intent = await rt.payments.cancelIntent(payment.providerPaymentId, `bazaar-cancel-${payment.id}`);
    // SUCCEEDED means it was paid meanwhile: its success event refunds the cancelled order.
    if (intent.status === "CANCELED") await setPaymentStatus(rt.db, payment.id, "CANCELED");
  } catch (error) {
    log("cancelling a payment intent failed", orderId, error);
  }
}

async function releaseStock(rt: OrdersRuntime, orderId: string): Promise<void> {
  try {
    const released = await rt.catalog.releaseReservation(orderId);
    // No reservation at all means there is nothing to give back.
    if (released.ok || released.userErrors.every((e) => e.code === "RESERVATION_NOT_FOUND")) {
      await markStockReleased(rt.db, orderId);
    }
  } catch (error) {
    log("releasing stock failed", orderId, error);
  }
}

export async function issueRefund(rt: OrdersRuntime, refund: RefundRow): Promise<void> {
  const payment = await findPaymentById(rt.db, refund.paymentId);
  if (!payment?.providerPaymentId) return;
  try {
    const result = await rt.payments.refund({
      paymentIntentId: payment.providerPaymentId,
      amount: refund.amount,
      idempotencyKey: `bazaar-refund-${refund.id}`,
      orderId: refund.orderId,
      reason: refund.reason,
    });
    await markRefund(rt.db, refund.id, { status: result.status, providerRefundId: result.id });
    await raiseRefundedAmount(rt.db, payment.id);
  } catch (error) {
    if (error instanceof PaymentProviderError && !error.retryable) {
      await markRefund(rt.db, refund.id, { status: "FAILED", providerRefundId: null });
    }
    log("issuing a refund failed", refund.orderId, error);
  }
}
