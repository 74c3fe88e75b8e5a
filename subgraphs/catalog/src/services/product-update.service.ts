import {
  abortWith,
  assertSellerAccess,
  isIdLike,
  isUniqueViolation,
  newId,
  path,
  requireViewer,
  transactionOrUserErrors,
  userError,
} from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { lockProduct, saveProduct } from "../db/product-write.queries";
import {
  deleteVariants,
  insertVariants,
  lockVariantsOfProduct,
  parkSkus,
  updateVariant,
} from "../db/product-variant-write.queries";
import { announceBackInStock } from "./back-in-stock";
import { recordProductsChanged } from "./catalog-events";
import { planProductUpdate, type UpdateProductInput } from "./product-update.plan";
import { checkReferences, failed, type ProductResult, productNotFound, skuTaken, succeeded } from "./product-write.shared";
import { variantTitle } from "./variant-input.validation";

/**
 * Edits a product and its variants in one transaction holding the product's row lock and its
 * variants' locks (in id order): the result is all of the edit or none of it, and the price range
 * is recomputed from the variants as saved.
 */
export async function updateProduct(ctx: CatalogContext, input: UpdateProductInput): Promise<ProductResult> {
  requireViewer(ctx);
  if (!isIdLike(input.id)) return failed(productNotFound());
  try {
    const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
      const product = await lockProduct(tx, input.id);
      if (!product) return abortWith(productNotFound());
      assertSellerAccess(ctx, product.sellerId);
      const existing = await lockVariantsOfProduct(tx, product.id);
      const plan = planProductUpdate(input, product, existing);
      if (plan.errors.length > 0) abortWith(...plan.errors);
      const problems = await checkReferences(tx, {
        productId: product.id,
        categoryId: plan.product.categoryId,
        slug: plan.product.slug !== product.slug ? plan.product.slug : undefined,
        skus: plan.claimedSkus,
      });
      if (problems.length > 0) abortWith(...problems);

      if (plan.removed.length > 0) await deleteVariants(tx, product.id, plan.removed);
      const renamed = plan.changed.filter((c) => c.changes.sku !== undefined).map((c) => c.id);
      if (renamed.length > 0) await parkSkus(tx, renamed);
      for (const { id, changes } of plan.changed) await updateVariant(tx, id, changes);
      const nextPosition = Math.max(-1, ...existing.map((v) => v.position)) + 1;
      const rows = plan.added.map(({ fields }, i) => ({
        id: newId("var"),
        productId: product.id,
        ...fields,
        title: variantTitle(fields),
        currency: product.currency,
        position: nextPosition + i,
      }));
      const inserted = await insertVariants(tx, rows);
      const lost = plan.added.flatMap(({ fields, at }) => (inserted.has(fields.sku) ? [] : [skuTaken(fields.sku, at)]));
      if (lost.length > 0) abortWith(...lost);
      // New variants may bring the first units of a product that had none (all its variants are locked).
      const removed = new Set(plan.removed);
      const unitsIn = rows.reduce((sum, row) => sum + (row.stock ?? 0), 0);
      const unitsOut = existing.reduce((sum, variant) => sum + (removed.has(variant.id) ? variant.stock : 0), 0);
      await announceBackInStock(tx, new Map([[product.id, unitsIn - unitsOut]]));
      await recordProductsChanged(tx, [product.id]);
      return saveProduct(tx, product.id, plan.product);
    });
    return outcome.ok ? succeeded(ctx, outcome.value) : failed(...outcome.userErrors);
  } catch (error) {
    // Checked above, but another product may have taken the slug or a SKU since: same answer.
    if (isUniqueViolation(error, "products_slug_key")) {
      return failed(userError("SLUG_TAKEN", "The slug is used by another product", path("slug")));
    }
    if (isUniqueViolation(error, "product_variants_sku_key")) {
      return failed(userError("SKU_TAKEN", "A SKU is used by another variant", path("updateVariants")));
    }
    throw error;
  }
}

/** Takes a product off sale for good (it stays reachable through orders and reviews). Idempotent. */
export async function archiveProduct(ctx: CatalogContext, input: { id: string }): Promise<ProductResult> {
  requireViewer(ctx);
  if (!isIdLike(input.id)) return failed(productNotFound());
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const product = await lockProduct(tx, input.id);
    if (!product) return abortWith(productNotFound());
    assertSellerAccess(ctx, product.sellerId);
    await recordProductsChanged(tx, [product.id]);
    return saveProduct(tx, product.id, { status: "ARCHIVED" });
  });
  return outcome.ok ? succeeded(ctx, outcome.value) : failed(...outcome.userErrors);
}
