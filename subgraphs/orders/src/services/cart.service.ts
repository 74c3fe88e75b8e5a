import type { OrdersContext } from "../context";
import type { CartLineRow, CartRow } from "../db/cart.queries";
import type { Cart, CartLine } from "../schema/cart.type";

export function toCart(row: CartRow): Cart {
  return { id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function toCartLine(row: CartLineRow): CartLine {
  return { id: row.id, cartId: row.cartId, quantity: row.quantity, variant: { id: row.variantId } };
}

/**
 * Entity lookups for other subgraphs; null for unknown ids. The public `cart` root field, found by
 * the signed-in user or a guest token, arrives with authentication.
 */
export async function cartReference(ctx: OrdersContext, id: string): Promise<Cart | null> {
  const row = await ctx.loaders.cartById.load(id);
  return row ? toCart(row) : null;
}

export async function linesOfCart(ctx: OrdersContext, cartId: string): Promise<CartLine[]> {
  return (await ctx.loaders.cartLinesByCartId.load(cartId)).map(toCartLine);
}
