import type { tables } from "@bazaar/drizzle";
import { abortWith, assertUserAccess, newId, transactionOrUserErrors, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { findLatestPaymentsByOrderIds } from "../db/payment.queries";
import { cancelOpenFulfillments, findFulfillmentsOfOrder, lockOrder } from "../db/order-write.queries";
import { insertRefund } from "../db/refund.queries";
import { actorOf } from "./actor";
import { settleOrder } from "./order-effects.service";
import { PAYABLE } from "./order-state";
import { transition } from "./order-transition";
import { currentOrder, failedOrder, freshOrder, type OrderResult, orderNotFound } from "./order-write.common";

const notCancellable = (why: string) => userError("ORDER_NOT_CANCELLABLE", why, ["input", "orderId"]);

/**
 * Cancels an order before anything shipped, by its customer or an admin. Unpaid: the payment intent
 * is cancelled and the stock released. Paid: whatever was not refunded yet is refunded and the sold
 * stock goes back on sale. Provider and catalog calls follow the commit (settleOrder).
 */
export async function cancelOrder(ctx: OrdersContext, input: { orderId: string }): Promise<OrderResult> {
  const found = await currentOrder(ctx, input.orderId);
  if (!found) return failedOrder(orderNotFound());
  assertUserAccess(ctx, found.userId);
  const actor = actorOf(ctx, found.userId);
  const reason = actor.type === "CUSTOMER" ? "CUSTOMER_REQUEST" : "ADMIN_REQUEST";
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const order = await lockOrder(tx, found.id);
    if (!order) return abortWith(orderNotFound());
    const status = order.status as tables.OrderStatus;
    const payable = PAYABLE.includes(status);
    if (!payable && status !== "PAID" && status !== "PARTIALLY_REFUNDED") {
      abortWith(notCancellable(`A ${status.toLowerCase().replaceAll("_", " ")} order cannot be cancelled`));
    }
    const fulfillments = await findFulfillmentsOfOrder(tx, order.id);
    const shipped = fulfillments.some((f) => f.status === "SHIPPED" || f.status === "DELIVERED");
    if (shipped) abortWith(notCancellable("Part of this order has shipped already"));
    const refund = payable ? 0 : order.total - order.refundedTotal;
    if (refund > 0) {
      const [payment] = await findLatestPaymentsByOrderIds(tx, [order.id]);
      if (!payment) throw new Error(`Paid order ${order.id} has no payment`);
      await insertRefund(tx, { id: newId("rfd"), orderId: order.id, paymentId: payment.id, amount: refund, reason });
    }
    await cancelOpenFulfillments(tx, order.id);
    const stockHeld = order.stockState === "RESERVED" || order.stockState === "COMMITTED";
    await transition(
      tx,
      order,
      {
        status: "CANCELLED",
        cancelReason: reason,
        refundedTotal: order.refundedTotal + refund,
        ...(stockHeld ? { stockState: "RELEASE_PENDING" as const } : {}),
      },
      { type: "ORDER_CANCELLED", actor, data: { reason, refundAmount: refund }, fulfillments },
    );
    return order.id;
  });
  if (!outcome.ok) return failedOrder(...outcome.userErrors);
  await settleOrder(ctx, outcome.value);
  return { order: await freshOrder(ctx, outcome.value), userErrors: [] };
}
