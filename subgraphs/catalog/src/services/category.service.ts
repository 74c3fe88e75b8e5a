import type { CatalogContext } from "../context";
import { type CategoryRow, findRootCategories } from "../db/category.queries";
import type { Category } from "../schema/category.type";

export const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  parentId: row.parentId,
});

function primed(ctx: CatalogContext, rows: CategoryRow[]): Category[] {
  for (const row of rows) ctx.loaders.categoryById.prime(row.id, row);
  return rows.map(toCategory);
}

/** The tops of the tree, in display order; clients walk `children` for the rest. */
export async function rootCategories(ctx: CatalogContext): Promise<Category[]> {
  return primed(ctx, await findRootCategories(ctx.db));
}

export async function categoryReference(ctx: CatalogContext, id: string): Promise<Category | null> {
  const row = await ctx.loaders.categoryById.load(id);
  return row ? toCategory(row) : null;
}

export async function categoryOfProduct(ctx: CatalogContext, categoryId: string): Promise<Category> {
  const category = await categoryReference(ctx, categoryId);
  // The foreign key guarantees the row; its absence is a server fault, not a client's.
  if (!category) throw new Error(`Category ${categoryId} is missing`);
  return category;
}

export async function parentOf(ctx: CatalogContext, category: Category): Promise<Category | null> {
  return category.parentId ? categoryReference(ctx, category.parentId) : null;
}

export async function childrenOf(ctx: CatalogContext, category: Category): Promise<Category[]> {
  return primed(ctx, await ctx.loaders.categoriesByParentId.load(category.id));
}

/** Active products in the category or anywhere below it. */
export async function productCountOf(ctx: CatalogContext, category: Category): Promise<number> {
  return (await ctx.loaders.productCountByCategory.load(category.id))?.count ?? 0;
}
