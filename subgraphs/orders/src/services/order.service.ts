import { money } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import type { OrderLineRow, OrderRow } from "../db/order.queries";
import type { OrderLine } from "../schema/order-line.type";
import type { Order, OrderStatus } from "../schema/order.type";

export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    placedAt: row.placedAt,
    subtotal: money(row.subtotal, row.currency),
    shippingTotal: money(row.shippingTotal, row.currency),
    taxTotal: money(row.taxTotal, row.currency),
    total: money(row.total, row.currency),
    customer: { id: row.userId },
  };
}

export function toOrderLine(row: OrderLineRow): OrderLine {
  return {
    id: row.id,
    orderId: row.orderId,
    fulfillmentId: row.fulfillmentId,
    title: row.title,
    sku: row.sku,
    unitPrice: money(row.unitPrice, row.currency),
    quantity: row.quantity,
    total: money(row.total, row.currency),
    product: { id: row.productId },
    variant: { id: row.variantId },
    seller: { id: row.sellerId },
  };
}

/**
 * Entity lookups for other subgraphs; null for unknown ids. Not reachable from any public root
 * field yet: the authentication milestone adds `order(id)` with an ownership check.
 */
export async function orderReference(ctx: OrdersContext, id: string): Promise<Order | null> {
  const row = await ctx.loaders.orderById.load(id);
  return row ? toOrder(row) : null;
}

export async function linesOfOrder(ctx: OrdersContext, orderId: string): Promise<OrderLine[]> {
  return (await ctx.loaders.orderLinesByOrderId.load(orderId)).map(toOrderLine);
}
