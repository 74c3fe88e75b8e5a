import { abortWith, path, transactionOrUserErrors, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { findProductsForSale, lockVariantsForSale, type StockChange, takeStock } from "../db/stock.queries";
import {
  claimReservation,
  findReservation,
  findReservationLines,
  insertReservationLines,
  type ReservationLineRow,
} from "../db/stock-reservation.queries";
import { productsRunOut, recordProductsChanged } from "./catalog-events";
import { failed, type ReservationResult, toReservation } from "./stock-reservation.mapping";
import { type ReserveStockInput, sameLines, validateReservation } from "./stock-reservation.validation";

/**
 * Takes stock for an order: all lines or none. The variants are locked in id order and each is
 * decremented only where enough is left, so concurrent checkouts never oversell and never deadlock.
 * A retry with the same order id and lines returns the reservation made the first time.
 */
export async function reserveStock(ctx: CatalogContext, input: ReserveStockInput): Promise<ReservationResult> {
  const { errors, lines } = validateReservation(input);
  if (errors.length > 0) return failed(...errors);
  const indexOf = new Map(input.lines.map((line, i) => [line.variantId, i]));
  const at = (variantId: string) => path("lines", indexOf.get(variantId) ?? 0, "variantId");
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);

  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const claimed = await claimReservation(tx, input.orderId, expiresAt);
    if (!claimed) return existingReservation(tx, input.orderId, lines);
    const locked = await lockVariantsForSale(tx, lines.map((l) => l.variantId));
    const variants = new Map(locked.map((v) => [v.id, v]));
    const products = new Map((await findProductsForSale(tx, [...new Set(locked.map((v) => v.productId))])).map((p) => [p.id, p]));
    const problems = lines.flatMap(({ variantId, quantity }) => {
      const variant = variants.get(variantId);
      if (!variant) return [userError("VARIANT_NOT_FOUND", `No variant ${variantId}`, at(variantId))];
      if (!products.get(variant.productId)?.purchasable) {
        return [userError("PRODUCT_UNAVAILABLE", `${variant.sku} is not on sale`, at(variantId))];
      }
      if (variant.stock < quantity) {
        return [insufficient(variantId, `${variant.sku}: ${quantity} wanted, ${variant.stock} left`, at(variantId))];
      }
      return [];
    });
    if (problems.length > 0) abortWith(...problems);
    // Rows are locked and checked, so every line is met; the condition in the update is what
    // guarantees it even so, and anything unmet rolls the whole reservation back.
    const taken = await takeStock(tx, lines);
    const unmet = lines.filter((line) => !taken.has(line.variantId));
    if (unmet.length > 0) abortWith(...unmet.map((l) => insufficient(l.variantId, "Not enough stock", at(l.variantId))));
    await recordProductsChanged(tx, productsRunOut(taken.values()));
    const rows: ReservationLineRow[] = lines.map(({ variantId, quantity }) => {
      const v = variants.get(variantId);
      const product = v && products.get(v.productId);
      if (!v || !product) throw new Error(`Variant ${variantId} vanished while locked`);
      const { productId, variantTitle, sku, currency } = v;
      const { title, sellerId } = product;
      return { orderId: input.orderId, variantId, productId, sellerId, title, variantTitle, sku, currency, quantity, unitPrice: v.price };
    });
    await insertReservationLines(tx, rows);
    return toReservation(claimed, rows);
  });
  return outcome.ok ? { reservation: outcome.value, userErrors: [] } : failed(...outcome.userErrors);
}

const insufficient = (variantId: string, message: string, field: string[]) =>
  userError("INSUFFICIENT_STOCK", `Not enough stock of ${variantId} (${message})`, field);

/** The reservation an earlier call made for this order, if it asked for the same lines. */
async function existingReservation(tx: CatalogContext["db"], orderId: string, lines: StockChange[]) {
  const row = await findReservation(tx, orderId);
  if (!row) throw new Error(`Reservation ${orderId} conflicted but cannot be read`);
  const existing = await findReservationLines(tx, [orderId]);
  if (!sameLines(existing, lines)) {
    abortWith(userError("RESERVATION_MISMATCH", "This order already reserved different lines", path("lines")));
  }
  return toReservation(row, existing);
}
