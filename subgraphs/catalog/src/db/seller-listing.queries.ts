import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { inArray, lte, type SQLWrapper, sql } from "drizzle-orm";

export type SellerListingRow = typeof tables.sellerListings.$inferSelect;
const { sellerListings } = tables;

/** SQL: the seller named by `sellerId` (a column or a parameter) may list publicly. No row: not listed. */
export const sellerListed = (sellerId: SQLWrapper) =>
  sql`exists (select 1 from ${sellerListings} where ${sellerListings.sellerId} = ${sellerId} and ${sellerListings.active})`;

export const findSellerListingsByIds = (db: Database, sellerIds: readonly string[]) =>
  db
    .select()
    .from(sellerListings)
    .where(inArray(sellerListings.sellerId, [...sellerIds]));

/**
 * Records a seller's status as of `decidedAt`. A decision older than the one stored is ignored
 * (returns undefined), so syncs delivered out of order or twice end in the newest state.
 */
export async function upsertSellerListing(db: Database, listing: { sellerId: string; active: boolean; decidedAt: Date }) {
  const [row] = await db
    .insert(sellerListings)
    .values({ sellerId: listing.sellerId, active: listing.active, updatedAt: listing.decidedAt })
    .onConflictDoUpdate({
      target: sellerListings.sellerId,
      set: { active: sql`excluded.active`, updatedAt: sql`excluded.updated_at` },
      setWhere: lte(sellerListings.updatedAt, sql`excluded.updated_at`),
    })
    .returning();
  return row;
}
