import type { OrdersContext } from "../context";
import type { FulfillmentRow } from "../db/order.queries";
import type { Fulfillment, FulfillmentStatus } from "../schema/fulfillment.type";
import type { OrderLine } from "../schema/order-line.type";
import type { Order } from "../schema/order.type";
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

export async function fulfillmentsOfOrder(ctx: OrdersContext, orderId: string): Promise<Fulfillment[]> {
  const rows = await ctx.loaders.fulfillmentsByOrderId.load(orderId);
  // Later lookups of the same fulfillment by id (e.g. from another entity) then cost nothing.
  for (const row of rows) ctx.loaders.fulfillmentById.prime(row.id, row);
  return rows.map(toFulfillment);
}

/**
 * A fulfillment's lines are its order's lines that it ships. Reading them through the order's
 * line loader means `Order.lines` and `Order.fulfillments.lines` in one request share a statement.
 */
export async function linesOfFulfillment(ctx: OrdersContext, fulfillment: Fulfillment): Promise<OrderLine[]> {
  const lines = await linesOfOrder(ctx, fulfillment.orderId);
  return lines.filter((line) => line.fulfillmentId === fulfillment.id);
}

/** Never null in practice: a foreign key ties every fulfillment to its order. */
export function orderOfFulfillment(ctx: OrdersContext, fulfillment: Fulfillment): Promise<Order | null> {
  return orderReference(ctx, fulfillment.orderId);
}
