import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, getTableColumns, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { OrderRow } from "./order.queries";

const { orders, fulfillments } = tables;

/** Newest first: (placed_at, id) descending; placed_at in Postgres' text form so a cursor compares exactly. */
export type OrderCursor = readonly [placedAtKey: string, orderId: string];
export type OrderPageRow = OrderRow & { ownerId: string; placedAtKey: string };

/** Orders a seller has nothing to do with yet: no payment, nothing to ship. */
export const UNPAID_STATUSES: tables.OrderStatus[] = ["PENDING_PAYMENT", "PAYMENT_FAILED"];

const placedAtKey = sql<string>`${orders.placedAt}::text`;
const afterCursor = (after: OrderCursor | null) =>
  after ? sql`(${orders.placedAt}, ${orders.id}) < (cast(${after[0]} as timestamptz), ${after[1]})` : undefined;

/** A page of each customer's orders for many customers in one statement (a window per customer). */
export async function listOrderPagesOfUsers(
  db: Database,
  userIds: readonly string[],
  limit: number,
  after: OrderCursor | null,
) {
  const ranked = db
    .select({
      ...getTableColumns(orders),
      ownerId: sql<string>`${orders.userId}`.as("owner_id"),
      placedAtKey: placedAtKey.as("placed_at_key"),
      rank: sql<number>`(row_number() over (partition by ${orders.userId} order by ${orders.placedAt} desc, ${orders.id} desc))::int`.as(
        "rank",
      ),
    })
    .from(orders)
    .where(and(inArray(orders.userId, [...userIds]), afterCursor(after)))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.ownerId), asc(ranked.rank));
  return rows as unknown as OrderPageRow[];
}

export const countOrdersOfUsers = (db: Database, userIds: readonly string[]) =>
  db
    .select({ ownerId: orders.userId, count: count() })
    .from(orders)
    .where(inArray(orders.userId, [...userIds]))
    .groupBy(orders.userId);

/** A page of the paid orders each seller has a fulfillment in, for many sellers in one statement. */
export async function listOrderPagesOfSellers(
  db: Database,
  sellerIds: readonly string[],
  limit: number,
  after: OrderCursor | null,
) {
  const ranked = db
    .select({
      ...getTableColumns(orders),
      ownerId: sql<string>`${fulfillments.sellerId}`.as("owner_id"),
      placedAtKey: placedAtKey.as("placed_at_key"),
      rank: sql<number>`(row_number() over (partition by ${fulfillments.sellerId} order by ${orders.placedAt} desc, ${orders.id} desc))::int`.as(
        "rank",
      ),
    })
    .from(fulfillments)
    .innerJoin(orders, eq(orders.id, fulfillments.orderId))
    .where(
      and(
        inArray(fulfillments.sellerId, [...sellerIds]),
        notInArray(orders.status, UNPAID_STATUSES),
        afterCursor(after),
      ),
    )
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.ownerId), asc(ranked.rank));
  return rows as unknown as OrderPageRow[];
}

export const countOrdersOfSellers = (db: Database, sellerIds: readonly string[]) =>
  db
    .select({ ownerId: fulfillments.sellerId, count: count() })
    .from(fulfillments)
    .innerJoin(orders, eq(orders.id, fulfillments.orderId))
    .where(and(inArray(fulfillments.sellerId, [...sellerIds]), notInArray(orders.status, UNPAID_STATUSES)))
    .groupBy(fulfillments.sellerId);
