import type { tables } from "@bazaar/drizzle";
import { newId, requireViewer, type UserError, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { type CheckoutRow, claimCheckout, findCheckoutByKey } from "../db/checkout.queries";
import { findOrdersByIds, type OrderRow } from "../db/order.queries";
import type { Order } from "../schema/order.type";
import type { Payment } from "../schema/payment.type";
import { catalogUnavailable } from "./catalog-facts";
import { addressNotFound, requestHash, sameLines, validateCheckout } from "./checkout.validation";
import { placeOrder } from "./checkout-placement.service";
import { PAYABLE } from "./order-state";
import { toOrder, toPayment } from "./order.service";
import { ensurePaymentIntent } from "./payment-intent.service";
import { resolveShippingAddress } from "./shipping-address.service";

export interface CheckoutResult {
  order: Order | null;
  payment: Payment | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): CheckoutResult => ({ order: null, payment: null, userErrors });
const keyReused = () =>
  userError(
    "IDEMPOTENCY_KEY_REUSED",
    "This idempotency key was used for a different cart or address; use a new key for a new purchase",
    ["input", "idempotencyKey"],
  );

/**
 * Cart → order. The key is claimed first (one row per customer and key), so every retry and every
 * concurrent duplicate continues the same order id: catalog's reservation is idempotent per order
 * id, the order insert happens once, and the payment intent is created once (see
 * payment-intent.service.ts). No transaction spans a remote call.
 */
export async function checkout(
  ctx: OrdersContext,
  input: Parameters<typeof validateCheckout>[0],
): Promise<CheckoutResult> {
  const { userId } = requireViewer(ctx);
  const { errors, value } = validateCheckout(input);
  if (errors.length > 0) return failed(...errors);
  const cart = await ctx.loaders.cartByUserId.load(userId);
  // In the cart's own order: catalog, not orders, is what keeps concurrent reservations deadlock-free.
  const lines = (cart ? await ctx.loaders.cartLinesByCartId.load(cart.id) : []).map(({ variantId, quantity }) => ({
    variantId,
    quantity,
  }));
  const hash = requestHash(value);

  // An empty cart may be one this key already checked out (the order took the lines): look the key up.
  if (lines.length === 0) {
    const earlier = await findCheckoutByKey(ctx.db, userId, value.idempotencyKey);
    if (!earlier) return failed(userError("CART_EMPTY", "Your cart is empty"));
    return sameRequest(earlier, hash, lines) ? resume(ctx, earlier, false) : failed(keyReused());
  }
  const shippingAddress = await resolveShippingAddress(ctx, value);
  if (!shippingAddress) return failed(addressNotFound());
  const { row, claimed } = await claimCheckout(ctx.db, {
    orderId: newId("ord"),
    userId,
    idempotencyKey: value.idempotencyKey,
    requestHash: hash,
    lines,
    shippingAddress,
  });
  if (!claimed && !sameRequest(row, hash, lines)) return failed(keyReused());
  return resume(ctx, row, claimed);
}

/**
 * The same request again: same body, and a cart that is either what the key bought or empty (the
 * order took the lines out of the cart). Anything else is a new purchase under an old key.
 */
function sameRequest(row: CheckoutRow, hash: string, lines: tables.CheckoutLine[]) {
  return row.requestHash === hash && (lines.length === 0 || sameLines(row.lines, lines));
}

/** Continues a claimed checkout wherever it stopped; a claim made just now has no order yet. */
async function resume(ctx: OrdersContext, claim: CheckoutRow, fresh: boolean): Promise<CheckoutResult> {
  let order: OrderRow | undefined = fresh ? undefined : (await findOrdersByIds(ctx.db, [claim.orderId]))[0];
  if (!order) {
    let placed: Awaited<ReturnType<typeof placeOrder>>;
    try {
      placed = await placeOrder(ctx, claim);
    } catch (error) {
      return catalogUnavailable(error);
    }
    if (!placed.ok) return failed(...placed.userErrors);
    order = placed.order;
  }
  await ctx.crashPoints.afterOrderPlaced?.(order.id);
  const payment = PAYABLE.includes(order.status as tables.OrderStatus)
    ? await ensurePaymentIntent(ctx, order)
    : await ctx.loaders.latestPaymentByOrderId.load(order.id);
  ctx.loaders.orderById.clear(order.id).prime(order.id, order);
  return { order: toOrder(order), payment: payment ? toPayment(payment, ctx, order.userId) : null, userErrors: [] };
}
