import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";

const { interactions } = tables;

export interface TrendingRow {
  productId: string;
  quantity: number;
}

/**
 * Products by quantity purchased since `since`, ties broken by id so the order is total.
 * Async on purpose: a drizzle builder is a thenable that runs again on every `await`, and the
 * caller memoises the result for the whole request.
 */
export async function findTrendingProducts(db: Database, since: Date, limit: number): Promise<TrendingRow[]> {
  const quantity = sql<number>`sum(${interactions.quantity})::int`;
  return db
    .select({ productId: interactions.productId, quantity })
    .from(interactions)
    .where(and(eq(interactions.kind, "PURCHASE"), gte(interactions.occurredAt, since)))
    .groupBy(interactions.productId)
    .orderBy(desc(quantity), asc(interactions.productId))
    .limit(limit);
}
