import { assertUserAccess, type Money, money } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { type CartLineRow, type CartRow, findGuestCart } from "../db/cart.queries";
import type { Cart, CartLine } from "../schema/cart.type";
import { hashCartToken } from "./cart-token";
import { variantFacts } from "./catalog-facts";

export function toCart(row: CartRow): Cart {
  return { id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt, currency: row.currency.trim() };
}

export function toCartLine(row: CartLineRow): CartLine {
  return { id: row.id, cartId: row.cartId, quantity: row.quantity, variant: { id: row.variantId } };
}

/** Entity lookups for other subgraphs; null for unknown ids. */
export async function cartReference(ctx: OrdersContext, id: string): Promise<Cart | null> {
  const row = await ctx.loaders.cartById.load(id);
  return row ? toCart(row) : null;
}

export async function linesOfCart(ctx: OrdersContext, cartId: string): Promise<CartLine[]> {
  return (await ctx.loaders.cartLinesByCartId.load(cartId)).map(toCartLine);
}

/** The caller's cart row: a signed-in customer's own (a cart token is ignored then), else the guest token's. */
export async function currentCartRow(ctx: OrdersContext): Promise<CartRow | null> {
  if (ctx.viewer) return ctx.loaders.cartByUserId.load(ctx.viewer.userId);
  if (!ctx.cartToken) return null;
  return (await findGuestCart(ctx.db, hashCartToken(ctx.cartToken))) ?? null;
}

export async function currentCart(ctx: OrdersContext): Promise<Cart | null> {
  const row = await currentCartRow(ctx);
  return row ? toCart(row) : null;
}

/** `User.cart`: the user or an admin only. */
export async function cartOfUser(ctx: OrdersContext, userId: string): Promise<Cart | null> {
  assertUserAccess(ctx, userId);
  const row = await ctx.loaders.cartByUserId.load(userId);
  return row ? toCart(row) : null;
}

/** Catalog's current price; null when the variant no longer exists. */
export async function lineUnitPrice(ctx: OrdersContext, line: CartLine): Promise<Money | null> {
  const variant = await variantFacts(ctx, line.variant.id);
  return variant ? money(variant.price.amount, variant.price.currencyCode) : null;
}

export async function lineTotal(ctx: OrdersContext, line: CartLine): Promise<Money | null> {
  const unit = await lineUnitPrice(ctx, line);
  return unit ? money(unit.amount * line.quantity, unit.currencyCode) : null;
}

/** Whether checkout could take this line right now: on sale and enough in stock. */
export async function lineAvailable(ctx: OrdersContext, line: CartLine): Promise<boolean> {
  const variant = await variantFacts(ctx, line.variant.id);
  return Boolean(variant?.purchasable && variant.stock >= line.quantity);
}

export async function cartTotalQuantity(ctx: OrdersContext, cart: Cart): Promise<number> {
  return (await linesOfCart(ctx, cart.id)).reduce((sum, line) => sum + line.quantity, 0);
}

/** Sum of the lines checkout could take, at catalog's current prices; computed here, never by the client. */
export async function cartSubtotal(ctx: OrdersContext, cart: Cart): Promise<Money> {
  const lines = await linesOfCart(ctx, cart.id);
  // All at once: one catalog call prices every line (and every other cart in this request).
  const variants = await Promise.all(lines.map((line) => variantFacts(ctx, line.variant.id)));
  const amount = lines.reduce((sum, line, i) => {
    const variant = variants[i];
    return variant?.purchasable ? sum + variant.price.amount * line.quantity : sum;
  }, 0);
  const currency = variants.find((variant) => variant?.purchasable)?.price.currencyCode ?? cart.currency;
  return money(amount, currency);
}
