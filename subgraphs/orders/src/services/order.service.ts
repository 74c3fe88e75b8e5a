import { isIdLike, money } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import type { OrderLineRow, OrderRow } from "../db/order.queries";
import type { PaymentRow } from "../db/payment.queries";
import type { OrderLine } from "../schema/order-line.type";
import type { Order, OrderStatus } from "../schema/order.type";
import type { Payment, PaymentProcessor, PaymentStatus } from "../schema/payment.type";
import type { ShippingAddress } from "../schema/shipping-address.type";
import { orderScope, refuseUnless } from "./order-access";

export function toOrder(row: OrderRow): Order {
  const currency = row.currency.trim();
  return {
    id: row.id,
    userId: row.userId,
    number: row.number,
    status: row.status as OrderStatus,
    placedAt: row.placedAt,
    subtotal: money(row.subtotal, currency),
    shippingTotal: money(row.shippingTotal, currency),
    taxTotal: money(row.taxTotal, currency),
    total: money(row.total, currency),
    refundedTotal: money(row.refundedTotal, currency),
    customer: { id: row.userId },
    cancelReason: row.cancelReason,
    reservedUntil:
      row.status === "PENDING_PAYMENT" || row.status === "PAYMENT_FAILED" ? row.reservationExpiresAt : null,
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
    sellerId: row.sellerId,
  };
}

/** The client secret is the customer's to pay with; nobody else ever sees it. */
export function toPayment(row: PaymentRow, ctx: OrdersContext, customerId: string): Payment {
  const currency = row.currency.trim();
  return {
    id: row.id,
    processor: row.provider as PaymentProcessor,
    status: row.status as PaymentStatus,
    amount: money(row.amount, currency),
    refundedAmount: money(row.refundedAmount, currency),
    clientSecret: ctx.viewer?.userId === customerId ? row.clientSecret : null,
    createdAt: row.createdAt,
  };
}

/** Entity lookups; fields decide for themselves what the viewer may see (see order-access.ts). */
export async function orderReference(ctx: OrdersContext, id: string): Promise<Order | null> {
  const row = await ctx.loaders.orderById.load(id);
  return row ? toOrder(row) : null;
}

/** `order(id)`: null for unknown ids; someone else's order is refused. */
export async function findOrder(ctx: OrdersContext, id: string): Promise<Order | null> {
  if (!isIdLike(id)) return null;
  const row = await ctx.loaders.orderById.load(id);
  if (!row) return null;
  refuseUnless(ctx, (await orderScope(ctx, row)).kind !== "NONE");
  return toOrder(row);
}

/** All lines for the customer and admins; a seller's own lines for that seller. */
export async function linesOfOrder(ctx: OrdersContext, order: Order): Promise<OrderLine[]> {
  const scope = await orderScope(ctx, order);
  if (scope.kind === "NONE") return [];
  const lines = (await ctx.loaders.orderLinesByOrderId.load(order.id)).map(toOrderLine);
  return scope.kind === "SELLER" ? lines.filter((line) => line.sellerId === scope.sellerId) : lines;
}

export async function shippingAddressOf(ctx: OrdersContext, order: Order): Promise<ShippingAddress | null> {
  refuseUnless(ctx, (await orderScope(ctx, order)).kind !== "NONE");
  const row = await ctx.loaders.orderById.load(order.id);
  return row?.shippingAddress ?? null;
}

export async function paymentOf(ctx: OrdersContext, order: Order): Promise<Payment | null> {
  refuseUnless(ctx, (await orderScope(ctx, order)).kind === "FULL");
  const row = await ctx.loaders.latestPaymentByOrderId.load(order.id);
  return row ? toPayment(row, ctx, order.userId) : null;
}
