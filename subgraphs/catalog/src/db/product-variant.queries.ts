import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { asc, inArray } from "drizzle-orm";

export type VariantRow = typeof tables.productVariants.$inferSelect;
const { productVariants } = tables;

export const findVariantsByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(productVariants)
    .where(inArray(productVariants.id, [...ids]));

/** All variants of the given products in display order (position, then id). */
export const findVariantsByProductIds = (db: Database, productIds: readonly string[]) =>
  db
    .select()
    .from(productVariants)
    .where(inArray(productVariants.productId, [...productIds]))
    .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id));
