import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, gt, inArray, or } from "drizzle-orm";

export type SellerRow = typeof tables.sellers.$inferSelect;
const { sellers } = tables;

export const findSellersByIds = (db: Database, ids: readonly string[]) =>
  db.select().from(sellers).where(inArray(sellers.id, [...ids]));

export const findSellersByUserIds = (db: Database, userIds: readonly string[]) =>
  db.select().from(sellers).where(inArray(sellers.userId, [...userIds]));

export const findSellerBySlug = async (db: Database, slug: string) =>
  (await db.select().from(sellers).where(eq(sellers.slug, slug)).limit(1))[0];

/** Active sellers ordered by name then id (a total order, so keyset cursors are stable). */
export function listActiveSellers(db: Database, limit: number, after?: { name: string; id: string }) {
  const active = eq(sellers.status, "ACTIVE");
  const afterCursor = after
    ? or(gt(sellers.name, after.name), and(eq(sellers.name, after.name), gt(sellers.id, after.id)))
    : undefined;
  return db
    .select()
    .from(sellers)
    .where(and(active, afterCursor))
    .orderBy(asc(sellers.name), asc(sellers.id))
    .limit(limit);
}

export const countActiveSellers = async (db: Database) =>
  (await db.select({ n: count() }).from(sellers).where(eq(sellers.status, "ACTIVE")))[0]?.n ?? 0;
