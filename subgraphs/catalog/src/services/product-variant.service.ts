import { money } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import type { VariantRow } from "../db/product-variant.queries";
import type { ProductVariant } from "../schema/product-variant.type";

export const toVariant = (row: VariantRow): ProductVariant => ({
  id: row.id,
  productId: row.productId,
  sku: row.sku,
  title: row.title,
  optionValues: row.optionValues,
  price: money(row.price, row.currency),
  compareAtPrice: row.compareAtPrice == null ? null : money(row.compareAtPrice, row.currency),
  stock: row.stock,
  inStock: row.stock > 0,
  weightGrams: row.weightGrams,
});

/** A product's variants in display order. */
export async function variantsOf(ctx: CatalogContext, productId: string): Promise<ProductVariant[]> {
  const rows = await ctx.loaders.variantsByProductId.load(productId);
  for (const row of rows) ctx.loaders.variantById.prime(row.id, row);
  return rows.map(toVariant);
}

export async function variantReference(ctx: CatalogContext, id: string): Promise<ProductVariant | null> {
  const row = await ctx.loaders.variantById.load(id);
  return row ? toVariant(row) : null;
}
