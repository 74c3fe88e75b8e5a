import type { tables } from "@bazaar/drizzle";

type OrderStatus = tables.OrderStatus;
type PaymentStatus = tables.PaymentStatus;

/** Unpaid orders: their stock is held and their payment may still succeed. */
export const PAYABLE: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAYMENT_FAILED"];
/** Paid and not wholly refunded: money can be given back. */
export const REFUNDABLE: readonly OrderStatus[] = ["PAID", "COMPLETED", "PARTIALLY_REFUNDED"];
/** Fulfillments of these orders may ship. */
export const SHIPPABLE: readonly OrderStatus[] = ["PAID", "PARTIALLY_REFUNDED"];

/**
 * The order state machine. Every status change goes through `recordTransition`, which refuses
 * anything not listed here, so state only ever moves forward.
 *
 *   PENDING_PAYMENT ─┬─▶ PAID ─┬─▶ COMPLETED ─┬─▶ PARTIALLY_REFUNDED ─▶ REFUNDED
 *        │           │         ├─▶ PARTIALLY_REFUNDED / REFUNDED
 *        ▼           │         └─▶ CANCELLED (nothing shipped yet; refunds and restocks)
 *   PAYMENT_FAILED ──┘
 *   PENDING_PAYMENT / PAYMENT_FAILED ─▶ CANCELLED (customer, expiry, provider cancel, paid too late)
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ["PAYMENT_FAILED", "PAID", "CANCELLED"],
  PAYMENT_FAILED: ["PAID", "CANCELLED"],
  PAID: ["COMPLETED", "CANCELLED", "PARTIALLY_REFUNDED", "REFUNDED"],
  COMPLETED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED"],
  CANCELLED: [],
  REFUNDED: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => NEXT[from].includes(to);

export class IllegalTransitionError extends Error {
  constructor(from: string, to: string) {
    super(`Order cannot move from ${from} to ${to}`);
    this.name = "IllegalTransitionError";
  }
}

/**
 * Payment attempts move forward too: SUCCEEDED and CANCELED are final, the initial state is never
 * re-entered, and a late REQUIRES_ACTION cannot undo PROCESSING. A FAILED attempt may still be
 * retried with another card (processing, requires action, succeeded).
 */
export function paymentMayMove(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to || from === "SUCCEEDED" || from === "CANCELED") return false;
  if (to === "REQUIRES_PAYMENT_METHOD") return false;
  return !(from === "PROCESSING" && to === "REQUIRES_ACTION");
}
