import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, inArray, sql } from "drizzle-orm";

const { orders, orderLines } = tables;

/**
 * Orders whose units count as sold: paid for and not undone. Pending, failed, cancelled and
 * (partially) refunded orders are left out; partial refunds are not tracked per line yet, so
 * counting them would overstate sales.
 */
export const SOLD_ORDER_STATUSES: readonly tables.OrderStatus[] = ["PAID", "COMPLETED"];

export interface UnitsSoldRow {
  sellerId: string;
  units: number;
}

/** Units sold per seller, for many sellers in one grouped statement; sellers without sales have no row. */
export const sumUnitsSoldBySellerIds = (db: Database, sellerIds: readonly string[]): Promise<UnitsSoldRow[]> =>
  db
    .select({
      sellerId: orderLines.sellerId,
      units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(inArray(orderLines.sellerId, [...sellerIds]), inArray(orders.status, [...SOLD_ORDER_STATUSES])))
    .groupBy(orderLines.sellerId);
