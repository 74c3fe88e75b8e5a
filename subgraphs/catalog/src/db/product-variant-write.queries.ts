import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { VariantRow } from "./product-variant.queries";

export type VariantInsert = typeof tables.productVariants.$inferInsert;
export type VariantChanges = Partial<
  Pick<VariantInsert, "sku" | "title" | "optionValues" | "price" | "compareAtPrice" | "weightGrams" | "position">
>;
const { products, productVariants } = tables;

/** Which of the SKUs variants of other products already use. */
export async function takenSkus(db: Database, skus: readonly string[], exceptProductId?: string) {
  if (skus.length === 0) return new Set<string>();
  const rows = await db
    .select({ sku: productVariants.sku })
    .from(productVariants)
    .where(
      and(
        inArray(productVariants.sku, [...skus]),
        exceptProductId ? ne(productVariants.productId, exceptProductId) : undefined,
      ),
    );
  return new Set(rows.map((row) => row.sku));
}

/** A product's variants locked in id order, the order every stock writer locks variants in. */
export const lockVariantsOfProduct = (db: Database, productId: string): Promise<VariantRow[]> =>
  db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
    .orderBy(asc(productVariants.id))
    .for("update");

/**
 * Inserts variants in SKU order (two writers claiming the same SKUs cannot deadlock) and returns the
 * SKUs that were free; a SKU taken meanwhile is skipped rather than aborting the transaction.
 */
export async function insertVariants(db: Database, rows: VariantInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const sorted = [...rows].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const inserted = await db
    .insert(productVariants)
    .values(sorted)
    .onConflictDoNothing({ target: productVariants.sku })
    .returning({ sku: productVariants.sku });
  return new Set(inserted.map((row) => row.sku));
}

export const updateVariant = (db: Database, id: string, changes: VariantChanges) =>
  db.update(productVariants).set(changes).where(eq(productVariants.id, id));

export const deleteVariants = (db: Database, productId: string, ids: readonly string[]) =>
  db.delete(productVariants).where(and(eq(productVariants.productId, productId), inArray(productVariants.id, [...ids])));

/**
 * Moves the SKUs of variants about to be renamed out of the way (`~` cannot start a valid SKU), so
 * variants of one product may swap SKUs without tripping the unique index half-way.
 */
export const parkSkus = (db: Database, ids: readonly string[]) =>
  db
    .update(productVariants)
    .set({ sku: sql`'~' || ${productVariants.id}` })
    .where(inArray(productVariants.id, [...ids]));

/** The variant with the seller who owns it, for ownership checks. */
export const findVariantOwner = async (db: Database, variantId: string) =>
  (
    await db
      .select({ id: productVariants.id, sellerId: products.sellerId })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(productVariants.id, variantId))
  )[0];

export const setVariantStock = async (db: Database, id: string, stock: number): Promise<VariantRow | undefined> =>
  (await db.update(productVariants).set({ stock }).where(eq(productVariants.id, id)).returning())[0];
