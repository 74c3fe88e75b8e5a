import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, inArray, sql } from "drizzle-orm";

const { orders, orderLines } = tables;

/**
 * Orders that prove a purchase: paid for. A partial refund still means the customer received
 * (some of) the goods; pending, failed, cancelled and fully refunded orders do not count.
 */
export const PURCHASE_STATUSES: readonly tables.OrderStatus[] = ["PAID", "COMPLETED", "PARTIALLY_REFUNDED"];

export interface Purchase {
  userId: string;
  productId: string;
}

/** Which (customer, product) pairs have a purchase: one statement for any number of pairs. */
export function findPurchases(db: Database, pairs: readonly Purchase[]): Promise<Purchase[]> {
  const wanted = sql.join(
    pairs.map((p) => sql`(${p.userId}, ${p.productId})`),
    sql`, `,
  );
  return db
    .selectDistinct({ userId: orders.userId, productId: orderLines.productId })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        inArray(orders.status, [...PURCHASE_STATUSES]),
        sql`(${orders.userId}, ${orderLines.productId}) in (${wanted})`,
      ),
    );
}
