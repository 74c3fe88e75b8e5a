import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, getTableColumns, inArray, lte } from "drizzle-orm";
import { afterKeys, cursorKeysOf, type KeysetOrder, rankWithin } from "./keyset.queries";

export type ReviewRow = typeof tables.reviews.$inferSelect;
export type ListedReviewRow = ReviewRow & { cursorKeys: string[] };
const { reviews } = tables;

/** Newest first; the id breaks ties between reviews written in the same instant. */
export const newestReviews: KeysetOrder = {
  direction: "desc",
  keys: [
    { column: reviews.createdAt, type: "timestamptz" },
    { column: reviews.id, type: "text" },
  ],
};

export const findReviewsByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(reviews)
    .where(inArray(reviews.id, [...ids]));

/**
 * The first `limit` reviews after the cursor of each product (or each author), newest first,
 * in one statement however many parents are asked for.
 */
export async function listReviewsOf(
  db: Database,
  by: "productId" | "authorId",
  parentIds: readonly string[],
  limit: number,
  after: readonly string[] | null,
): Promise<ListedReviewRow[]> {
  const parent = reviews[by];
  const ranked = db
    .select({
      ...getTableColumns(reviews),
      cursorKeys: cursorKeysOf(newestReviews).as("cursor_keys"),
      rank: rankWithin(parent, newestReviews).as("rank"),
    })
    .from(reviews)
    .where(and(inArray(parent, [...parentIds]), after ? afterKeys(newestReviews, after) : undefined))
    .as("ranked");
  return db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(asc(ranked[by]), asc(ranked.rank));
}

export const countReviewsByAuthors = (db: Database, authorIds: readonly string[]) =>
  db
    .select({ authorId: reviews.authorId, count: count() })
    .from(reviews)
    .where(inArray(reviews.authorId, [...authorIds]))
    .groupBy(reviews.authorId);
