import { isIdLike, type UserError, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { findOrdersByIds, type OrderRow } from "../db/order.queries";
import type { Order } from "../schema/order.type";
import { toOrder } from "./order.service";

export interface OrderResult {
  order: Order | null;
  userErrors: UserError[];
}

export const orderNotFound = () => userError("ORDER_NOT_FOUND", "No such order", ["input", "orderId"]);
export const failedOrder = (...userErrors: UserError[]): OrderResult => ({ order: null, userErrors });

/** The order row as it is in the database right now (not a loader's earlier copy). */
export async function currentOrder(ctx: OrdersContext, orderId: string): Promise<OrderRow | undefined> {
  if (!isIdLike(orderId)) return undefined;
  return (await findOrdersByIds(ctx.db, [orderId]))[0];
}

/** After a change: later fields of this request must read the new state, not cached rows. */
export async function freshOrder(ctx: OrdersContext, orderId: string): Promise<Order | null> {
  ctx.loaders.orderById.clear(orderId);
  ctx.loaders.fulfillmentsByOrderId.clear(orderId);
  ctx.loaders.eventsByOrderId.clear(orderId);
  ctx.loaders.latestPaymentByOrderId.clear(orderId);
  const row = await ctx.loaders.orderById.load(orderId);
  return row ? toOrder(row) : null;
}
