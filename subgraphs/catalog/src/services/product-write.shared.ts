import type { Database } from "@bazaar/drizzle";
import { type Errors, path, type UserError, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import type { ProductRow } from "../db/product.queries";
import { categoryExists, takenSlugs } from "../db/product-write.queries";
import { takenSkus } from "../db/product-variant-write.queries";
import type { Product } from "../schema/product.type";
import { toProduct } from "./product.service";

export interface ProductResult {
  product: Product | null;
  userErrors: UserError[];
}

export const failed = (...userErrors: UserError[]): ProductResult => ({ product: null, userErrors });
export const productNotFound = () => userError("PRODUCT_NOT_FOUND", "No such product", path("id"));

/** The saved row becomes the answer; later fields in the same request see it without a query. */
export function succeeded(ctx: CatalogContext, row: ProductRow): ProductResult {
  ctx.loaders.productById.clear(row.id).prime(row.id, row);
  ctx.loaders.variantsByProductId.clear(row.id);
  return { product: toProduct(row), userErrors: [] };
}

/**
 * Checks that need the database, all at once so the client sees every problem in one answer:
 * the category exists, the slug and the SKUs are not used by another product.
 */
export async function checkReferences(
  db: Database,
  refs: {
    categoryId?: string | undefined;
    slug?: string | null | undefined;
    skus: { sku: string; at: (string | number)[] }[];
    productId?: string | undefined;
  },
): Promise<Errors> {
  const errors: Errors = [];
  if (refs.categoryId !== undefined && !(await categoryExists(db, refs.categoryId))) {
    errors.push(userError("CATEGORY_NOT_FOUND", "No such category", path("categoryId")));
  }
  if (refs.slug && (await takenSlugs(db, [refs.slug], refs.productId)).size > 0) {
    errors.push(userError("SLUG_TAKEN", `Slug ${refs.slug} is used by another product`, path("slug")));
  }
  const taken = await takenSkus(
    db,
    refs.skus.map((s) => s.sku),
    refs.productId,
  );
  for (const { sku, at } of refs.skus) {
    if (taken.has(sku)) errors.push(skuTaken(sku, at));
  }
  return errors;
}

export const skuTaken = (sku: string, at: (string | number)[]) =>
  userError("SKU_TAKEN", `SKU ${sku} is used by another variant`, path(...at, "sku"));
