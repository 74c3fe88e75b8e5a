import type { tables } from "@bazaar/drizzle";
import { abortWith, boundedText, type Errors, newId, transactionOrUserErrors, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { cancelOpenFulfillments, lockOrder } from "../db/order-write.queries";
import { findLatestPaymentsByOrderIds } from "../db/payment.queries";
import { insertRefund } from "../db/refund.queries";
import { actorOf } from "./actor";
import { settleOrder } from "./order-effects.service";
import { REFUNDABLE } from "./order-state";
import { transition } from "./order-transition";
import { currentOrder, failedOrder, freshOrder, type OrderResult, orderNotFound } from "./order-write.common";

/**
 * Admin refunds, whole or partial: REFUNDED once everything is given back, else PARTIALLY_REFUNDED.
 * The refund is recorded with the transition and issued to the provider right after the commit
 * (retried by maintenance until the provider accepts it). Refunding does not restock: goods may
 * never come back; cancelOrder is the path that puts stock back.
 */
export async function refundOrder(
  ctx: OrdersContext,
  input: { orderId: string; amount?: number | null; reason?: string | null },
): Promise<OrderResult> {
  const errors: Errors = [];
  const reason = boundedText(errors, "reason", input.reason, 200, { optional: true }) ?? "ADMIN_REFUND";
  if (input.amount != null && (!Number.isInteger(input.amount) || input.amount < 1)) {
    errors.push(userError("INVALID_AMOUNT", "A refund is a positive amount in minor units", ["input", "amount"]));
  }
  if (errors.length > 0) return failedOrder(...errors);
  const found = await currentOrder(ctx, input.orderId);
  if (!found) return failedOrder(orderNotFound());
  const actor = actorOf(ctx, found.userId);
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const order = await lockOrder(tx, found.id);
    if (!order) return abortWith(orderNotFound());
    if (!REFUNDABLE.includes(order.status as tables.OrderStatus)) {
      abortWith(
        userError("ORDER_NOT_REFUNDABLE", `A ${order.status.toLowerCase()} order cannot be refunded`, [
          "input",
          "orderId",
        ]),
      );
    }
    const left = order.total - order.refundedTotal;
    const amount = input.amount ?? left;
    if (amount > left) abortWith(userError("REFUND_TOO_LARGE", `At most ${left} can be refunded`, ["input", "amount"]));
    const [payment] = await findLatestPaymentsByOrderIds(tx, [order.id]);
    if (!payment) throw new Error(`Paid order ${order.id} has no payment`);
    await insertRefund(tx, { id: newId("rfd"), orderId: order.id, paymentId: payment.id, amount, reason });
    const whole = amount === left;
    // A wholly refunded order that has not shipped will not ship.
    if (whole) await cancelOpenFulfillments(tx, order.id);
    await transition(
      tx,
      order,
      { status: whole ? "REFUNDED" : "PARTIALLY_REFUNDED", refundedTotal: order.refundedTotal + amount },
      { type: whole ? "ORDER_REFUNDED" : "ORDER_PARTIALLY_REFUNDED", actor, data: { amount, reason } },
    );
    return order.id;
  });
  if (!outcome.ok) return failedOrder(...outcome.userErrors);
  await settleOrder(ctx, outcome.value);
  return { order: await freshOrder(ctx, outcome.value), userErrors: [] };
}
