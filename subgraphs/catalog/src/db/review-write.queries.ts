import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { eq, sql } from "drizzle-orm";
import type { ProductRow } from "./product.queries";
import type { ReviewRow } from "./review.queries";

const { products, reviews } = tables;

/** Undefined when the author already reviewed the product (one review per product and author). */
export const insertReview = async (db: Database, row: typeof reviews.$inferInsert): Promise<ReviewRow | undefined> =>
  (
    await db
      .insert(reviews)
      .values(row)
      .onConflictDoNothing({ target: [reviews.productId, reviews.authorId] })
      .returning()
  )[0];

/**
 * Recomputes the denormalised rating from every review. The caller holds the product's row lock,
 * so this statement sees every review committed before it and none can slip in between.
 */
export async function refreshRating(db: Database, productId: string): Promise<ProductRow> {
  const ofProduct = sql`from ${reviews} where ${reviews.productId} = ${products.id}`;
  const [row] = await db
    .update(products)
    .set({
      ratingAverage: sql`coalesce((select avg(${reviews.rating}) ${ofProduct}), 0)`,
      ratingCount: sql`(select count(*) ${ofProduct})`,
    })
    .where(eq(products.id, productId))
    .returning();
  if (!row) throw new Error(`Product ${productId} vanished inside its own transaction`);
  return row;
}
