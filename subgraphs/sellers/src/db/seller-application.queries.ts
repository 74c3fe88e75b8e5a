import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, getTableColumns, sql } from "drizzle-orm";
import type { SellerRow } from "./seller.queries";

const { sellers } = tables;
type Status = SellerRow["status"];

/**
 * The queue position of a seller: joinedAt (for an application, when it was last submitted) as
 * exact epoch seconds (Postgres `numeric`, microseconds included), in text form in cursors.
 * JavaScript dates stop at milliseconds, so a cursor holding a Date would skip or repeat
 * applications submitted within one millisecond.
 */
const submittedAt = sql`extract(epoch from ${sellers.joinedAt})`;

/** Where a page of applications continues: after this (submittedAt, id), both from a previous row. */
export interface ApplicationCursor {
  submittedAt: string;
  id: string;
}

export type ApplicationRow = SellerRow & { submittedAt: string };

/** Sellers in `status`, oldest application first (ties broken by id, so the order is total). */
export async function listSellersInStatus(
  db: Database,
  status: Status,
  limit: number,
  after: ApplicationCursor | null,
): Promise<ApplicationRow[]> {
  const afterCursor = after
    ? sql`(${submittedAt}, ${sellers.id}) > (cast(${after.submittedAt} as numeric), ${after.id})`
    : undefined;
  return db
    .select({ ...getTableColumns(sellers), submittedAt: sql<string>`${submittedAt}::text` })
    .from(sellers)
    .where(and(eq(sellers.status, status), afterCursor))
    .orderBy(asc(sellers.joinedAt), asc(sellers.id))
    .limit(limit);
}

export const countSellersInStatus = async (db: Database, status: Status) =>
  (await db.select({ n: count() }).from(sellers).where(eq(sellers.status, status)))[0]?.n ?? 0;
