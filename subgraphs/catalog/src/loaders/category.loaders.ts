import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader } from "@bazaar/subgraph-kit";
import { countActiveProductsInSubtrees, findCategoriesByIds, findCategoriesByParentIds } from "../db/category.queries";

export function createCategoryLoaders(db: Database) {
  return {
    categoryById: keyedLoader(
      (ids: readonly string[]) => findCategoriesByIds(db, ids),
      (row) => row.id,
    ),
    categoriesByParentId: groupedLoader(
      (ids: readonly string[]) => findCategoriesByParentIds(db, ids),
      // Only rows with a parent match `parent_id in (...)`.
      (row) => row.parentId as string,
    ),
    productCountByCategory: keyedLoader(
      (ids: readonly string[]) => countActiveProductsInSubtrees(db, ids),
      (row) => row.categoryId,
    ),
  };
}
export type CategoryLoaders = ReturnType<typeof createCategoryLoaders>;
