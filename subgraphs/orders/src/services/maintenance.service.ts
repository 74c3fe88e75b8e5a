import type { tables } from "@bazaar/drizzle";
import type { OrdersRuntime } from "../context";
import { findLapsedUnpaidOrders, findPendingReleases } from "../db/maintenance.queries";
import { cancelOpenFulfillments, lockOrder } from "../db/order-write.queries";
import { findLatestPaymentsByOrderIds, setPaymentStatus } from "../db/payment.queries";
import { findRetryableRefunds } from "../db/refund.queries";
import { SYSTEM } from "./actor";
import { issueRefund, settleOrder } from "./order-effects.service";
import { PAYABLE } from "./order-state";
import { transition } from "./order-transition";

export interface MaintenanceOptions {
  /** How long after its reservation lapsed an unpaid order is cancelled (a late payment may still commit). */
  expiryGraceMs: number;
  batchSize: number;
  /** The clock; tests move it forward instead of waiting. */
  now?: Date;
}

export interface MaintenanceReport {
  expired: number;
  releasesRetried: number;
  refundsRetried: number;
}

/** Stripe keeps idempotency keys at least 24 h; refunds are retried well within that, never after. */
const REFUND_RETRY_WINDOW_MS = 23 * 60 * 60 * 1000;

/**
 * The periodic sweep: cancels unpaid orders whose reservation lapsed, and retries what an earlier
 * step could not finish (stock releases, refunds). Idempotent, so overlapping runs on several
 * instances only repeat harmless calls.
 */
export async function runMaintenance(rt: OrdersRuntime, options: MaintenanceOptions): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { expired: 0, releasesRetried: 0, refundsRetried: 0 };
  const before = new Date((options.now ?? new Date()).getTime() - options.expiryGraceMs);
  for (const { id } of await findLapsedUnpaidOrders(rt.db, before, options.batchSize)) {
    if (await expireOrder(rt, id)) report.expired += 1;
  }
  for (const { id } of await findPendingReleases(rt.db, options.batchSize)) {
    await settleOrder(rt, id);
    report.releasesRetried += 1;
  }
  for (const refund of await findRetryableRefunds(rt.db, REFUND_RETRY_WINDOW_MS, options.batchSize)) {
    await issueRefund(rt, refund);
    report.refundsRetried += 1;
  }
  return report;
}

/** Cancels the intent first: if the customer paid at the last moment, the payment's own event decides. */
async function expireOrder(rt: OrdersRuntime, orderId: string): Promise<boolean> {
  const [payment] = await findLatestPaymentsByOrderIds(rt.db, [orderId]);
  let intentCanceled = false;
  if (payment?.providerPaymentId && payment.status !== "CANCELED") {
    try {
      const intent = await rt.payments.cancelIntent(payment.providerPaymentId, `bazaar-cancel-${payment.id}`);
      if (intent.status === "SUCCEEDED") return false;
      intentCanceled = intent.status === "CANCELED";
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", msg: "expiry: cancelling the intent failed", orderId, error: String(error) }),
      );
      return false;
    }
  }
  const expired = await rt.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || !PAYABLE.includes(order.status as tables.OrderStatus)) return false;
    if (payment && intentCanceled) await setPaymentStatus(tx, payment.id, "CANCELED");
    await cancelOpenFulfillments(tx, order.id);
    await transition(
      tx,
      order,
      {
        status: "CANCELLED",
        cancelReason: "RESERVATION_EXPIRED",
        stockState: order.stockState === "RESERVED" ? "RELEASE_PENDING" : order.stockState,
      },
      { type: "ORDER_CANCELLED", actor: SYSTEM, data: { reason: "RESERVATION_EXPIRED" } },
    );
    return true;
  });
  if (expired) await settleOrder(rt, orderId);
  return expired;
}
