import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { eq, inArray, sql } from "drizzle-orm";

const { products, productVariants } = tables;

/**
 * Each product's stock (the sum over its variants, as this transaction sees it) with what a
 * back-in-stock announcement names. One statement however many products.
 */
export const productStockTotals = (db: Database, productIds: readonly string[]) =>
  db
    .select({
      id: products.id,
      title: products.title,
      slug: products.slug,
      sellerId: products.sellerId,
      stock: sql<number>`coalesce(sum(${productVariants.stock}), 0)::int`,
    })
    .from(products)
    .leftJoin(productVariants, eq(productVariants.productId, products.id))
    .where(inArray(products.id, [...productIds]))
    .groupBy(products.id);
