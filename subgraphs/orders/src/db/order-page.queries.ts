import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, getTableColumns, inArray, lte, notInArray, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { OrderRow } from "./order.queries";

const { orders, fulfillments } = tables;

/** Newest first: (placed_at, id) descending; placed_at in Postgres' text form so a cursor compares exactly. */
export type OrderCursor = readonly [placedAtKey: string, orderId: string];
export type OrderPageRow = OrderRow & { ownerId: string; placedAtKey: string };

/** Orders a seller has nothing to do with yet: no payment, nothing to ship. */
export const UNPAID_STATUSES: tables.OrderStatus[] = ["PENDING_PAYMENT", "PAYMENT_FAILED"];

/**
 * Whose orders a list shows: a customer's own (`User.orders`), or the paid orders a seller has a
 * fulfillment in (`Seller.orders`).
 */
export type OrderOwner = "user" | "seller";

/** The column that says whose list an order row is in. */
const ownerColumn = { user: orders.userId, seller: fulfillments.sellerId } as const;

/** Narrows a select from `orders` to the orders of `ownerIds` as `owner` lists them, and to `condition`. */
function listedFor<T extends PgSelect>(query: T, owner: OrderOwner, ownerIds: readonly string[], condition?: SQL) {
  if (owner === "user") return query.where(and(inArray(orders.userId, [...ownerIds]), condition));
  return query
    .innerJoin(fulfillments, eq(fulfillments.orderId, orders.id))
    .where(and(inArray(fulfillments.sellerId, [...ownerIds]), notInArray(orders.status, UNPAID_STATUSES), condition));
}

const placedAtKey = sql<string>`${orders.placedAt}::text`;
const afterCursor = (after: OrderCursor | null) =>
  after ? sql`(${orders.placedAt}, ${orders.id}) < (cast(${after[0]} as timestamptz), ${after[1]})` : undefined;

/** A page of each owner's orders for many owners in one statement (a window per owner). */
export async function listOrderPages(
  db: Database,
  owner: OrderOwner,
  ownerIds: readonly string[],
  limit: number,
  after: OrderCursor | null,
) {
  const column = ownerColumn[owner];
  const select = db
    .select({
      ...getTableColumns(orders),
      ownerId: sql<string>`${column}`.as("owner_id"),
      placedAtKey: placedAtKey.as("placed_at_key"),
      rank: sql<number>`(row_number() over (partition by ${column} order by ${orders.placedAt} desc, ${orders.id} desc))::int`.as(
        "rank",
      ),
    })
    .from(orders)
    .$dynamic();
  const ranked = listedFor(select, owner, ownerIds, afterCursor(after)).as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.ownerId), asc(ranked.rank));
  return rows as unknown as OrderPageRow[];
}

/** How many orders each owner's list holds in all. */
export function countOrders(db: Database, owner: OrderOwner, ownerIds: readonly string[]) {
  const column = ownerColumn[owner];
  const select = db.select({ ownerId: column, count: count() }).from(orders).$dynamic();
  return listedFor(select, owner, ownerIds).groupBy(column);
}
