import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { SellerRow } from "./seller.queries";

const { sellers } = tables;
export type SellerInsert = typeof sellers.$inferInsert;

/** Names of the unique indexes a write may trip (drizzle/src/schema/sellers.ts). */
export const SELLER_USER_KEY = "sellers_user_key";
export const SELLER_SLUG_KEY = "sellers_slug_key";

/** The user's seller, locked until the transaction ends (nothing is locked when there is none). */
export const lockSellerOfUser = async (db: Database, userId: string): Promise<SellerRow | undefined> =>
  (await db.select().from(sellers).where(eq(sellers.userId, userId)).for("update"))[0];

/** The seller, locked: decisions about one seller happen one at a time. */
export const lockSeller = async (db: Database, id: string): Promise<SellerRow | undefined> =>
  (await db.select().from(sellers).where(eq(sellers.id, id)).for("update"))[0];

/** Which of the slugs other sellers use. */
export async function takenSlugs(db: Database, slugs: readonly string[], exceptSellerId?: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: sellers.slug })
    .from(sellers)
    .where(and(inArray(sellers.slug, [...slugs]), exceptSellerId ? ne(sellers.id, exceptSellerId) : undefined));
  return new Set(rows.map((row) => row.slug));
}

/**
 * Inserts the application unless the user already has a seller. A concurrent application by the
 * same user waits here for the first one's transaction: if that commits this inserts nothing and
 * returns undefined (the unique index on user_id is the arbiter), if it rolls back this one goes on.
 */
export const insertApplication = async (db: Database, row: SellerInsert): Promise<SellerRow | undefined> =>
  (await db.insert(sellers).values(row).onConflictDoNothing({ target: sellers.userId }).returning())[0];

/** A rejected applicant's new application reuses their seller (same id), back to PENDING. */
export const reopenApplication = async (
  db: Database,
  id: string,
  fields: { name: string; slug: string; description: string },
): Promise<SellerRow | undefined> =>
  (
    await db
      .update(sellers)
      .set({ ...fields, status: "PENDING", rejectionReason: null, joinedAt: sql`now()` })
      .where(eq(sellers.id, id))
      .returning()
  )[0];

/** Records an admin's decision on a locked PENDING seller. Approval is when the store joins. */
export const decideApplication = async (
  db: Database,
  id: string,
  decision: { status: "ACTIVE" } | { status: "REJECTED"; reason: string },
): Promise<SellerRow | undefined> =>
  (
    await db
      .update(sellers)
      .set(
        decision.status === "ACTIVE"
          ? { status: "ACTIVE", rejectionReason: null, joinedAt: sql`now()` }
          : { status: "REJECTED", rejectionReason: decision.reason },
      )
      .where(eq(sellers.id, id))
      .returning()
  )[0];
