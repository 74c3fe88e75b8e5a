import type { tables } from "@bazaar/drizzle";
import { newId, type UserError, userError } from "@bazaar/subgraph-kit";
import type { Reservation } from "../clients/catalog.client";
import type { OrdersContext } from "../context";
import { deleteCartLinesOfVariants, findCartsByUserIds } from "../db/cart.queries";
import { type CheckoutRow, deleteCheckout } from "../db/checkout.queries";
import { findOrderByIdempotencyKey, findOrdersByIds, type OrderRow } from "../db/order.queries";
import { appendTimeline, insertPlacedOrder } from "../db/order-write.queries";

export type Placement = { ok: true; order: OrderRow } | { ok: false; userErrors: UserError[] };

/** "Teapot — Blue / L"; a variant named "Default" adds nothing. */
const lineTitle = (title: string, variantTitle: string) =>
  variantTitle && variantTitle !== "Default" ? `${title} — ${variantTitle}` : title;

/** The order as catalog priced it: one line per reserved variant, one fulfillment per seller. */
function draftOrder(claim: CheckoutRow, reservation: Reservation) {
  const currency = reservation.lines[0]?.unitPrice.currencyCode ?? "USD";
  const fulfillmentOf = new Map<string, string>();
  for (const line of reservation.lines)
    if (!fulfillmentOf.has(line.sellerId)) fulfillmentOf.set(line.sellerId, newId("ful"));
  // In the order the customer filled the cart; ids carry that order (they sort by their time part).
  const position = new Map(claim.lines.map((line, i) => [line.variantId, i]));
  const reserved = [...reservation.lines].sort(
    (a, b) => (position.get(a.variantId) ?? 0) - (position.get(b.variantId) ?? 0),
  );
  const base = Date.now();
  const lines = reserved.map((line, i) => ({
    id: newId("oln", base + i),
    orderId: claim.orderId,
    fulfillmentId: fulfillmentOf.get(line.sellerId) as string,
    productId: line.productId,
    variantId: line.variantId,
    sellerId: line.sellerId,
    title: lineTitle(line.title, line.variantTitle),
    sku: line.sku,
    unitPrice: line.unitPrice.amount,
    quantity: line.quantity,
    total: line.unitPrice.amount * line.quantity,
  }));
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  const order = {
    id: claim.orderId,
    userId: claim.userId,
    status: "PENDING_PAYMENT" as const,
    currency,
    subtotal,
    // Shipping and tax rules do not exist yet: both are zero and the total is the subtotal.
    shippingTotal: 0,
    taxTotal: 0,
    total: subtotal,
    shippingAddress: claim.shippingAddress,
    idempotencyKey: claim.idempotencyKey,
    stockState: "RESERVED" as tables.StockState,
    reservationExpiresAt: reservation.expiresAt,
    eventSequence: 1,
  };
  const fulfillments = [...fulfillmentOf].map(([sellerId, id]) => ({ id, orderId: claim.orderId, sellerId }));
  return { order, fulfillments, lines };
}

/**
 * Reserves the claimed lines in catalog (its prices are the only ones used) and writes the order,
 * PENDING_PAYMENT, in one transaction with its first timeline event and outbox message; the lines
 * leave the cart with it. A refusal from catalog frees the idempotency key for a later attempt.
 */
export async function placeOrder(ctx: OrdersContext, claim: CheckoutRow): Promise<Placement> {
  const reserved = await ctx.catalog.reserveStock(claim.orderId, claim.lines, ctx.settings.reservationTtlSeconds);
  if (!reserved.ok) {
    await deleteCheckout(ctx.db, claim.orderId);
    return { ok: false, userErrors: reserved.userErrors };
  }
  if (new Set(reserved.value.lines.map((line) => line.unitPrice.currencyCode)).size > 1) {
    await ctx.catalog.releaseReservation(claim.orderId);
    await deleteCheckout(ctx.db, claim.orderId);
    return { ok: false, userErrors: [userError("CURRENCY_MISMATCH", "A checkout takes items priced in one currency")] };
  }
  const draft = draftOrder(claim, reserved.value);
  const placed = await ctx.db.transaction(async (tx) => {
    const row = await insertPlacedOrder(tx, draft.order, draft.fulfillments, draft.lines);
    if (!row) return undefined;
    await appendTimeline(tx, row, null, {
      type: "ORDER_PLACED",
      actor: { type: "CUSTOMER", id: claim.userId },
      fulfillments: draft.fulfillments,
    });
    const [cart] = await findCartsByUserIds(tx, [claim.userId]);
    if (cart)
      await deleteCartLinesOfVariants(
        tx,
        cart.id,
        claim.lines.map((line) => line.variantId),
      );
    return row;
  });
  if (placed) return { ok: true, order: placed };
  // A concurrent duplicate placed it first (or, rarely, the key already names another order).
  const existing =
    (await findOrdersByIds(ctx.db, [claim.orderId]))[0] ??
    (await findOrderByIdempotencyKey(ctx.db, claim.userId, claim.idempotencyKey));
  if (!existing) throw new Error(`Order ${claim.orderId} conflicted but cannot be read`);
  if (existing.id !== claim.orderId) await ctx.catalog.releaseReservation(claim.orderId);
  return { ok: true, order: existing };
}
