import { assertSellerAccess, isIdLike, path, requireViewer, type UserError, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { findVariantOwner, setVariantStock } from "../db/product-variant-write.queries";
import { lockProductStock } from "../db/stock.queries";
import type { ProductVariant } from "../schema/product-variant.type";
import { announceBackInStock } from "./back-in-stock";
import { productsRunOut, recordProductsChanged } from "./catalog-events";
import { toVariant } from "./product-variant.service";

export interface SetStockResult {
  variant: ProductVariant | null;
  userErrors: UserError[];
}

const failed = (error: UserError): SetStockResult => ({ variant: null, userErrors: [error] });
const variantNotFound = () => userError("VARIANT_NOT_FOUND", "No such variant", path("variantId"));

/**
 * Sets the units available to sell from now on. Units held by open reservations were already taken
 * off, so the seller counts what is on the shelf and not promised to a checkout. Taking the product
 * from 0 units to some announces product.back_in_stock in the same transaction.
 */
export async function setStock(ctx: CatalogContext, input: { variantId: string; stock: number }): Promise<SetStockResult> {
  requireViewer(ctx);
  if (!isIdLike(input.variantId)) return failed(variantNotFound());
  const owner = await findVariantOwner(ctx.db, input.variantId);
  if (!owner) return failed(variantNotFound());
  assertSellerAccess(ctx, owner.sellerId);
  if (input.stock < 0) return failed(userError("INVALID_STOCK", "Stock must not be negative", path("stock")));
  const row = await ctx.db.transaction(async (tx) => {
    const before = (await lockProductStock(tx, [input.variantId])).find((v) => v.id === input.variantId);
    if (!before) return undefined;
    const saved = await setVariantStock(tx, input.variantId, input.stock);
    if (!saved) return undefined;
    // Search shows whether a product is in stock: it changes when the product comes back or a variant runs out.
    const back = await announceBackInStock(tx, new Map([[saved.productId, saved.stock - before.stock]]));
    const runOut = before.stock > 0 ? productsRunOut([saved]) : [];
    await recordProductsChanged(tx, [...back, ...runOut]);
    return saved;
  });
  if (!row) return failed(variantNotFound());
  ctx.loaders.variantById.clear(row.id).prime(row.id, row);
  return { variant: toVariant(row), userErrors: [] };
}
