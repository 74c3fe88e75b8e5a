import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { ProductRow } from "./product.queries";

export type ProductInsert = typeof tables.products.$inferInsert;
export type ProductChanges = Partial<
  Pick<
    ProductInsert,
    "title" | "slug" | "description" | "brand" | "categoryId" | "images" | "attributes" | "options" | "status"
  >
>;
const { products, productVariants, categories } = tables;

/**
 * The product row, locked until the transaction ends: every write to a product and its variants
 * starts here, so two edits of one product never interleave.
 */
export const lockProduct = async (db: Database, id: string): Promise<ProductRow | undefined> =>
  (await db.select().from(products).where(eq(products.id, id)).for("update"))[0];

export const categoryExists = async (db: Database, id: string) =>
  (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0;

/** Which of the slugs another product already uses. */
export async function takenSlugs(db: Database, slugs: readonly string[], exceptProductId?: string) {
  const rows = await db
    .select({ slug: products.slug })
    .from(products)
    .where(and(inArray(products.slug, [...slugs]), exceptProductId ? ne(products.id, exceptProductId) : undefined));
  return new Set(rows.map((row) => row.slug));
}

/** Inserts the product unless its slug is taken meanwhile (then undefined; the transaction stays usable). */
export const insertProduct = async (db: Database, row: ProductInsert): Promise<ProductRow | undefined> =>
  (await db.insert(products).values(row).onConflictDoNothing({ target: products.slug }).returning())[0];

/**
 * Applies the changes and recomputes the denormalised price range from the variants as they now
 * are in this transaction, so listings never sort by a stale price.
 */
export async function saveProduct(db: Database, id: string, changes: ProductChanges): Promise<ProductRow> {
  const range = (fn: "min" | "max") =>
    sql<number>`coalesce((select ${sql.raw(fn)}(${productVariants.price}) from ${productVariants}
      where ${productVariants.productId} = ${products.id}), 0)`;
  const [row] = await db
    .update(products)
    .set({ ...changes, minPrice: range("min"), maxPrice: range("max"), updatedAt: sql`now()` })
    .where(eq(products.id, id))
    .returning();
  if (!row) throw new Error(`Product ${id} vanished inside its own transaction`);
  return row;
}
