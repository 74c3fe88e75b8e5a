import { isAdmin } from "@bazaar/auth";
import type { tables } from "@bazaar/drizzle";
import { forbidden, unauthenticated } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { UNPAID_STATUSES } from "../db/order-page.queries";

/** How much of an order the viewer may see: all of it, one seller's share, or nothing. */
export type OrderScope = { kind: "FULL" } | { kind: "SELLER"; sellerId: string } | { kind: "NONE" };

/**
 * The customer and admins see the whole order. A seller sees an order once it is paid, and only
 * their own fulfillment and lines. Everyone else sees nothing. Decided per field, so the rule holds
 * however the order was reached (order(id), User.orders, Seller.orders, a payload).
 */
export async function orderScope(
  ctx: OrdersContext,
  order: { id: string; userId: string; status: string },
): Promise<OrderScope> {
  const viewer = ctx.viewer;
  if (!viewer) return { kind: "NONE" };
  if (viewer.userId === order.userId || isAdmin(viewer)) return { kind: "FULL" };
  const sellerId = viewer.sellerId;
  if (!sellerId || UNPAID_STATUSES.includes(order.status as tables.OrderStatus)) return { kind: "NONE" };
  const fulfillments = await ctx.loaders.fulfillmentsByOrderId.load(order.id);
  return fulfillments.some((f) => f.sellerId === sellerId) ? { kind: "SELLER", sellerId } : { kind: "NONE" };
}

/** For nullable private fields: refuse with UNAUTHENTICATED or FORBIDDEN unless `allowed`. */
export function refuseUnless(ctx: OrdersContext, allowed: boolean): void {
  if (allowed) return;
  throw ctx.viewer ? forbidden() : unauthenticated();
}
