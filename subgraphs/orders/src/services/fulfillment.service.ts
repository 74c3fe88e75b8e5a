import type { OrdersContext } from "../context";
import type { FulfillmentRow } from "../db/order.queries";
import type { Fulfillment, FulfillmentStatus } from "../schema/fulfillment.type";
import type { OrderLine } from "../schema/order-line.type";
import type { Order } from "../schema/order.type";
import { orderScope } from "./order-access";
import { linesOfOrder, orderReference } from "./order.service";

export function toFulfillment(row: FulfillmentRow): Fulfillment {
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status as FulfillmentStatus,
    seller: { id: row.sellerId },
    trackingNumber: row.trackingNumber,
    shippedAt: row.shippedAt,
    deliveredAt: row.deliveredAt,
  };
}

export async function fulfillmentReference(ctx: OrdersContext, id: string): Promise<Fulfillment | null> {
  const row = await ctx.loaders.fulfillmentById.load(id);
  return row ? toFulfillment(row) : null;
}

/** One per seller for the customer and admins; a seller sees only their own. */
export async function fulfillmentsOfOrder(ctx: OrdersContext, order: Order): Promise<Fulfillment[]> {
  const scope = await orderScope(ctx, order);
  if (scope.kind === "NONE") return [];
  const rows = await ctx.loaders.fulfillmentsByOrderId.load(order.id);
  // Later lookups of the same fulfillment by id (e.g. from another entity) then cost nothing.
  for (const row of rows) ctx.loaders.fulfillmentById.prime(row.id, row);
  const visible = scope.kind === "SELLER" ? rows.filter((row) => row.sellerId === scope.sellerId) : rows;
  return visible.map(toFulfillment);
}

/**
 * A fulfillment's lines are its order's lines that it ships. Reading them through the order's
 * line loader means `Order.lines` and `Order.fulfillments.lines` in one request share a statement;
 * the order's visibility rules (order-access.ts) apply unchanged.
 */
export async function linesOfFulfillment(ctx: OrdersContext, fulfillment: Fulfillment): Promise<OrderLine[]> {
  const order = await orderReference(ctx, fulfillment.orderId);
  if (!order) return [];
  const lines = await linesOfOrder(ctx, order);
  return lines.filter((line) => line.fulfillmentId === fulfillment.id);
}

/** Never null in practice: a foreign key ties every fulfillment to its order. */
export function orderOfFulfillment(ctx: OrdersContext, fulfillment: Fulfillment): Promise<Order | null> {
  return orderReference(ctx, fulfillment.orderId);
}
