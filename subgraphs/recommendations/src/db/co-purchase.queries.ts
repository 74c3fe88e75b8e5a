import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, inArray, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { coPurchases, interactions } = tables;

export interface CoPurchaseRow {
  productId: string;
  relatedProductId: string;
  orders: number;
}

/**
 * The `limit` most co-purchased products of each given product (orders desc, then id), for any
 * number of products in one statement: a window ranks rows within each product.
 */
export async function findTopCoPurchases(
  db: Database,
  productIds: readonly string[],
  limit: number,
): Promise<CoPurchaseRow[]> {
  const ranked = db
    .select({
      productId: coPurchases.productId,
      relatedProductId: coPurchases.relatedProductId,
      orders: coPurchases.orders,
      rank: sql<number>`row_number() over (partition by ${coPurchases.productId} order by ${coPurchases.orders} desc, ${coPurchases.relatedProductId})`.as(
        "rank",
      ),
    })
    .from(coPurchases)
    .where(inArray(coPurchases.productId, [...productIds]))
    .as("ranked");
  return db
    .select({ productId: ranked.productId, relatedProductId: ranked.relatedProductId, orders: ranked.orders })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.productId), asc(ranked.rank));
}

/** Serialises rebuilds: two concurrent delete+insert runs would collide on the primary key. */
const REBUILD_LOCK_KEY = 4_242_501;

/**
 * Replaces the whole model from PURCHASE interactions: for each ordered pair of distinct
 * products, the number of orders that contained both. Returns how many pairs it holds.
 */
export async function replaceCoPurchases(db: Database): Promise<number> {
  const other = alias(interactions, "other");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REBUILD_LOCK_KEY})`);
    await tx.delete(coPurchases);
    await tx.insert(coPurchases).select(
      tx
        .select({
          productId: interactions.productId,
          relatedProductId: other.productId,
          orders: sql<number>`count(distinct ${interactions.orderId})::int`.as("orders"),
        })
        .from(interactions)
        .innerJoin(other, and(eq(other.orderId, interactions.orderId), ne(other.productId, interactions.productId)))
        .where(and(eq(interactions.kind, "PURCHASE"), eq(other.kind, "PURCHASE")))
        .groupBy(interactions.productId, other.productId),
    );
    const [row] = await tx.select({ pairs: count() }).from(coPurchases);
    return row?.pairs ?? 0;
  });
}
