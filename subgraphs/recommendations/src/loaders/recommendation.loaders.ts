import type { Database } from "@bazaar/drizzle";
import DataLoader from "dataloader";
import { type CoPurchaseRow, findTopCoPurchases } from "../db/co-purchase.queries";
import { findTrendingProducts, type TrendingRow } from "../db/interaction.queries";
import { MAX_RECOMMENDATIONS, TRENDING_WINDOW_DAYS } from "../schema/recommendation.limits";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CoPurchaseKey {
  productId: string;
  limit: number;
}

/**
 * Top co-purchases per (product, limit). Unlike `groupedLoader`, the key carries the list size,
 * so fields asking for different sizes in one request still share a single statement: it ranks
 * up to the largest size asked for and each key keeps its own prefix.
 */
function coPurchaseLoader(db: Database) {
  return new DataLoader<CoPurchaseKey, CoPurchaseRow[], string>(
    async (keys) => {
      const productIds = [...new Set(keys.map((key) => key.productId))];
      const largest = Math.max(...keys.map((key) => key.limit));
      const groups = new Map<string, CoPurchaseRow[]>();
      for (const row of await findTopCoPurchases(db, productIds, largest)) {
        const group = groups.get(row.productId);
        if (group) group.push(row);
        else groups.set(row.productId, [row]);
      }
      return keys.map((key) => (groups.get(key.productId) ?? []).slice(0, key.limit));
    },
    { cacheKeyFn: (key) => `${key.limit}:${key.productId}` },
  );
}

/**
 * The request's one trending lookup, memoised. One row more than the largest list: topping up
 * `first` slots while skipping the product itself and the co-purchases already listed never
 * needs more than `first + 1` trending products.
 */
function trendingOnce(db: Database, now: Date) {
  let pending: Promise<TrendingRow[]> | undefined;
  return () => {
    pending ??= findTrendingProducts(db, new Date(now.getTime() - TRENDING_WINDOW_DAYS * DAY_MS), MAX_RECOMMENDATIONS + 1);
    return pending;
  };
}

export function createRecommendationLoaders(db: Database, now: Date) {
  return { coPurchases: coPurchaseLoader(db), trending: trendingOnce(db, now) };
}
export type RecommendationLoaders = ReturnType<typeof createRecommendationLoaders>;
