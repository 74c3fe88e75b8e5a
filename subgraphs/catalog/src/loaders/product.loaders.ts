import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader, pagedLoader } from "@bazaar/subgraph-kit";
import { findProductsByIds } from "../db/product.queries";
import { findVariantsByIds, findVariantsByProductIds } from "../db/product-variant.queries";
import { countActiveProductsOfSellers, listActiveProductsOfSellers } from "../db/seller-product.queries";

export function createProductLoaders(db: Database) {
  return {
    productById: keyedLoader(
      (ids: readonly string[]) => findProductsByIds(db, ids),
      (row) => row.id,
    ),
    variantById: keyedLoader(
      (ids: readonly string[]) => findVariantsByIds(db, ids),
      (row) => row.id,
    ),
    variantsByProductId: groupedLoader(
      (ids: readonly string[]) => findVariantsByProductIds(db, ids),
      (row) => row.productId,
    ),
    productPagesBySeller: pagedLoader(
      (ids, limit, after: readonly string[] | null) => listActiveProductsOfSellers(db, ids, limit, after),
      (row) => row.sellerId,
    ),
    activeProductCountBySeller: keyedLoader(
      (ids: readonly string[]) => countActiveProductsOfSellers(db, ids),
      (row) => row.sellerId,
    ),
  };
}
export type ProductLoaders = ReturnType<typeof createProductLoaders>;
