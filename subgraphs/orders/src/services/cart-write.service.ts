import { abortWith, newId, transactionOrUserErrors, type UserError, userError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import {
  countLinesOfCart,
  customerCart,
  deleteCartLine,
  findLineById,
  findLineInCart,
  insertCartLine,
  insertGuestCart,
  lockCart,
  setLineQuantity,
  touchCart,
} from "../db/cart.queries";
import type { Cart } from "../schema/cart.type";
import { currentCartRow, toCart } from "./cart.service";
import { hashCartToken, newCartToken } from "./cart-token";
import {
  insufficientStock,
  lineNotFound,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  validateLineId,
  validateQuantity,
  validateVariantId,
  variantNotFound,
  variantUnavailable,
} from "./cart.validation";
import { variantFacts } from "./catalog-facts";

export interface CartResult {
  cart: Cart | null;
  cartToken?: string | null;
  userErrors: UserError[];
}

const failed = (userErrors: UserError[]): CartResult => ({ cart: null, cartToken: null, userErrors });

/** The cart as it is now: later fields of this request (the payload's `cart { lines }`) must see the change. */
export async function freshCart(ctx: OrdersContext, cartId: string): Promise<Cart | null> {
  ctx.loaders.cartById.clear(cartId);
  ctx.loaders.cartLinesByCartId.clear(cartId);
  if (ctx.viewer) ctx.loaders.cartByUserId.clear(ctx.viewer.userId);
  const row = await ctx.loaders.cartById.load(cartId);
  return row ? toCart(row) : null;
}

/**
 * Adds units of a variant, creating the cart on first use: the customer's when signed in, else a
 * guest cart whose token is returned once. Quantity, stock, currency and line count are checked
 * under the cart's row lock, so concurrent additions cannot overshoot them.
 */
export async function addToCart(
  ctx: OrdersContext,
  input: { variantId: string; quantity: number },
): Promise<CartResult> {
  const errors: UserError[] = [];
  validateVariantId(errors, input.variantId);
  validateQuantity(errors, input.quantity);
  if (errors.length > 0) return failed(errors);
  const variant = await variantFacts(ctx, input.variantId);
  if (!variant) return failed([variantNotFound()]);
  if (!variant.purchasable) return failed([variantUnavailable()]);

  const existing = await currentCartRow(ctx);
  let cartToken: string | null = null;
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    let cart = existing;
    if (!cart && ctx.viewer) cart = await customerCart(tx, newId("crt"), ctx.viewer.userId);
    if (!cart) {
      cartToken = newCartToken();
      cart = await insertGuestCart(tx, newId("crt"), hashCartToken(cartToken));
    }
    const locked = await lockCart(tx, cart.id);
    if (!locked) return abortWith(userError("CART_NOT_FOUND", "Your cart no longer exists"));
    const line = await findLineInCart(tx, cart.id, variant.id);
    const lineCount = await countLinesOfCart(tx, cart.id);
    if (!line && lineCount >= MAX_CART_LINES) {
      abortWith(
        userError("CART_FULL", `A cart holds at most ${MAX_CART_LINES} different items`, ["input", "variantId"]),
      );
    }
    if (lineCount > 0 && locked.currency.trim() !== variant.price.currencyCode) {
      abortWith(
        userError("CURRENCY_MISMATCH", `Your cart is in ${locked.currency.trim()}; check it out first`, [
          "input",
          "variantId",
        ]),
      );
    }
    const quantity = (line?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      abortWith(
        userError("QUANTITY_OUT_OF_RANGE", `A cart line holds 1 to ${MAX_LINE_QUANTITY} units`, ["input", "quantity"]),
      );
    }
    if (quantity > variant.stock) abortWith(insufficientStock(variant.stock));
    if (line) await setLineQuantity(tx, line.id, quantity);
    else await insertCartLine(tx, { id: newId("cln"), cartId: cart.id, variantId: variant.id, quantity });
    await touchCart(tx, cart.id, lineCount === 0 ? variant.price.currencyCode : undefined);
    return cart.id;
  });
  if (!outcome.ok) return failed(outcome.userErrors);
  return { cart: await freshCart(ctx, outcome.value), cartToken, userErrors: [] };
}

/** Sets a line's quantity; raising it needs the stock, lowering it always works. */
export async function updateCartLine(
  ctx: OrdersContext,
  input: { lineId: string; quantity: number },
): Promise<CartResult> {
  const errors: UserError[] = [];
  validateLineId(errors, input.lineId);
  validateQuantity(errors, input.quantity);
  if (errors.length > 0) return failed(errors);
  const cart = await currentCartRow(ctx);
  const line = cart ? await findLineById(ctx.db, input.lineId) : undefined;
  if (!cart || !line || line.cartId !== cart.id) return failed([lineNotFound()]);
  if (input.quantity > line.quantity) {
    const variant = await variantFacts(ctx, line.variantId);
    if (!variant?.purchasable) return failed([{ ...variantUnavailable(), field: ["input", "lineId"] }]);
    if (input.quantity > variant.stock) return failed([insufficientStock(variant.stock)]);
  }
  await setLineQuantity(ctx.db, line.id, input.quantity);
  await touchCart(ctx.db, cart.id);
  return { cart: await freshCart(ctx, cart.id), userErrors: [] };
}

export async function removeCartLine(ctx: OrdersContext, input: { lineId: string }): Promise<CartResult> {
  const errors: UserError[] = [];
  validateLineId(errors, input.lineId);
  if (errors.length > 0) return failed(errors);
  const cart = await currentCartRow(ctx);
  if (!cart || !(await deleteCartLine(ctx.db, cart.id, input.lineId))) return failed([lineNotFound()]);
  await touchCart(ctx.db, cart.id);
  return { cart: await freshCart(ctx, cart.id), userErrors: [] };
}
