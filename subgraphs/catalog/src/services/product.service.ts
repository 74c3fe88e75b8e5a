import { badUserInput, money, ratingSummary } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { findProductBySlug, type ProductRow } from "../db/product.queries";
import type { Product, ProductStatus } from "../schema/product.type";

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    images: row.images,
    brand: row.brand,
    attributes: row.attributes,
    options: row.options,
    status: row.status as ProductStatus,
    priceRange: { min: money(row.minPrice, row.currency), max: money(row.maxPrice, row.currency) },
    rating: ratingSummary(row.ratingAverage, row.ratingCount),
    seller: { id: row.sellerId },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    categoryId: row.categoryId,
  };
}

/** Shown publicly: ACTIVE, and its seller's listing is active (the SQL twin is `publiclyListed`). */
export async function isPubliclyListed(ctx: CatalogContext, row: ProductRow): Promise<boolean> {
  if (row.status !== "ACTIVE") return false;
  return (await ctx.loaders.sellerListingById.load(row.sellerId))?.active === true;
}

/** Public lookups only ever show publicly listed products. */
const publicOnly = async (ctx: CatalogContext, row: ProductRow | null | undefined) =>
  row && (await isPubliclyListed(ctx, row)) ? toProduct(row) : null;

export async function findProduct(
  ctx: CatalogContext,
  by: { id?: string | null; slug?: string | null },
): Promise<Product | null> {
  if (Boolean(by.id) === Boolean(by.slug)) throw badUserInput("Pass exactly one of id or slug");
  if (by.id) return publicOnly(ctx, await ctx.loaders.productById.load(by.id));
  const row = await findProductBySlug(ctx.db, by.slug as string);
  if (row) ctx.loaders.productById.prime(row.id, row);
  return publicOnly(ctx, row);
}

/**
 * Entity lookups resolve any product the graph references, whatever its status: an order line
 * or a review still shows the product after it was archived.
 */
export async function productReference(ctx: CatalogContext, id: string): Promise<Product | null> {
  const row = await ctx.loaders.productById.load(id);
  return row ? toProduct(row) : null;
}

/** The product a variant or review belongs to; the foreign key guarantees it exists. */
export async function owningProduct(ctx: CatalogContext, productId: string): Promise<Product> {
  const product = await productReference(ctx, productId);
  if (!product) throw new Error(`Product ${productId} is missing`);
  return product;
}
