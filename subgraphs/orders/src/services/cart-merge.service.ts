import {
  abortWith,
  newId,
  requireViewer,
  transactionOrUserErrors,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import {
  customerCart,
  deleteCart,
  findCartLinesByCartIds,
  findGuestCart,
  insertCartLine,
  lockCart,
  setLineQuantity,
  touchCart,
} from "../db/cart.queries";
import type { CartResult } from "./cart-write.service";
import { freshCart } from "./cart-write.service";
import { hashCartToken } from "./cart-token";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "./cart.validation";
import { variantsFacts } from "./catalog-facts";

const CART_TOKEN = /^ct_[A-Za-z0-9_-]{43}$/;

/**
 * Moves a guest cart into the signed-in customer's (clients call it right after sign-in, with the
 * token they kept). Quantities of the same variant are summed, then capped by the line limit and
 * by stock; lines that cannot come along are dropped. Each such conflict is reported in
 * `userErrors` while the merge itself still happens; the guest cart and its token are gone after.
 */
export async function mergeCart(ctx: OrdersContext, input: { cartToken?: string | null }): Promise<CartResult> {
  const { userId } = requireViewer(ctx);
  const token = input.cartToken ?? ctx.cartToken;
  const guest = token && CART_TOKEN.test(token) ? await findGuestCart(ctx.db, hashCartToken(token)) : undefined;
  const own = await customerCart(ctx.db, newId("crt"), userId);
  if (!guest) {
    return {
      cart: await freshCart(ctx, own.id),
      userErrors: [
        userError("CART_NOT_FOUND", "No guest cart with this token (it may be merged already)", ["input", "cartToken"]),
      ],
    };
  }
  const guestLines = await findCartLinesByCartIds(ctx.db, [guest.id]);
  const variants = await variantsFacts(
    ctx,
    guestLines.map((line) => line.variantId),
  );

  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    // Guest first, then customer: every merge takes the two locks in the same order.
    if (!(await lockCart(tx, guest.id))) abortWith(userError("CART_NOT_FOUND", "The guest cart was merged already"));
    const target = await lockCart(tx, own.id);
    const lines = await findCartLinesByCartIds(tx, [guest.id, own.id]);
    const mine = new Map(lines.filter((l) => l.cartId === own.id).map((l) => [l.variantId, l]));
    let currency = mine.size > 0 ? target?.currency.trim() : undefined;
    const conflicts: UserError[] = [];
    for (const line of lines.filter((l) => l.cartId === guest.id)) {
      const variant = variants.get(line.variantId);
      const existing = mine.get(line.variantId);
      if (!variant?.purchasable) {
        conflicts.push(userError("VARIANT_UNAVAILABLE", `${line.variantId} is not on sale any more and was left out`));
        continue;
      }
      if (currency && currency !== variant.price.currencyCode) {
        conflicts.push(
          userError("CURRENCY_MISMATCH", `${line.variantId} is priced in another currency and was left out`),
        );
        continue;
      }
      if (!existing && mine.size >= MAX_CART_LINES) {
        conflicts.push(userError("CART_FULL", `${line.variantId} did not fit: a cart holds ${MAX_CART_LINES} items`));
        continue;
      }
      const wanted = (existing?.quantity ?? 0) + line.quantity;
      const kept = Math.min(wanted, MAX_LINE_QUANTITY, variant.stock);
      if (kept < wanted)
        conflicts.push(userError("QUANTITY_REDUCED", `${line.variantId}: only ${kept} of ${wanted} kept`));
      if (existing && kept > existing.quantity) await setLineQuantity(tx, existing.id, kept);
      if (!existing && kept > 0) {
        await insertCartLine(tx, { id: newId("cln"), cartId: own.id, variantId: line.variantId, quantity: kept });
        mine.set(line.variantId, { ...line, cartId: own.id, quantity: kept });
      }
      currency ??= variant.price.currencyCode;
    }
    await deleteCart(tx, guest.id);
    await touchCart(tx, own.id, currency);
    return conflicts;
  });
  if (!outcome.ok) return { cart: await freshCart(ctx, own.id), userErrors: outcome.userErrors };
  return { cart: await freshCart(ctx, own.id), userErrors: outcome.value };
}
