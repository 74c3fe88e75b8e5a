import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";

const { wishlistItems } = tables;

export interface WishlistRow {
  userId: string;
  productId: string;
  createdAt: Date;
  /** created_at in Postgres' text form: microsecond-exact, so a cursor compares exactly. */
  createdAtKey: string;
}

/** Cursor of the newest-first order: (created_at, product_id), both descending; product_id breaks ties. */
export type WishlistCursor = readonly [createdAtKey: string, productId: string];

/**
 * The first `limit` items of each user's wishlist after the cursor, newest first, for many users in
 * one statement (a window partitioned by user), so N users' wishlists cost one query.
 */
export async function listWishlistPages(
  db: Database,
  userIds: readonly string[],
  limit: number,
  after: WishlistCursor | null,
): Promise<WishlistRow[]> {
  const afterCursor = after
    ? sql`(${wishlistItems.createdAt}, ${wishlistItems.productId}) < (cast(${after[0]} as timestamptz), ${after[1]})`
    : undefined;
  const ranked = db
    .select({
      userId: wishlistItems.userId,
      productId: wishlistItems.productId,
      createdAt: wishlistItems.createdAt,
      createdAtKey: sql<string>`${wishlistItems.createdAt}::text`.as("created_at_key"),
      rank: sql<number>`(row_number() over (partition by ${wishlistItems.userId} order by ${wishlistItems.createdAt} desc, ${wishlistItems.productId} desc))::int`.as(
        "rank",
      ),
    })
    .from(wishlistItems)
    .where(and(inArray(wishlistItems.userId, [...userIds]), afterCursor))
    .as("ranked");
  const rows = await db
    .select({
      userId: ranked.userId,
      productId: ranked.productId,
      createdAt: ranked.createdAt,
      createdAtKey: ranked.createdAtKey,
    })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.userId), desc(ranked.createdAt), desc(ranked.productId));
  return rows;
}

export const countWishlists = (db: Database, userIds: readonly string[]) =>
  db
    .select({ userId: wishlistItems.userId, count: count() })
    .from(wishlistItems)
    .where(inArray(wishlistItems.userId, [...userIds]))
    .groupBy(wishlistItems.userId);

/** Idempotent: adding a product twice keeps the first entry (and its place in the order). */
export const addWishlistItem = (db: Database, userId: string, productId: string) =>
  db.insert(wishlistItems).values({ userId, productId }).onConflictDoNothing();

export const removeWishlistItem = (db: Database, userId: string, productId: string) =>
  db.delete(wishlistItems).where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));

export const wishlistHas = async (db: Database, userId: string, productId: string) =>
  (
    await db
      .select({ productId: wishlistItems.productId })
      .from(wishlistItems)
      .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)))
  ).length > 0;

export const countWishlistOfUser = async (db: Database, userId: string) =>
  (await db.select({ n: count() }).from(wishlistItems).where(eq(wishlistItems.userId, userId)))[0]?.n ?? 0;
