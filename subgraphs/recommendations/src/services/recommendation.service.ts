import { pageSize } from "@bazaar/subgraph-kit";
import type { RecommendationsContext } from "../context";
import {
  DEFAULT_BOUGHT_TOGETHER,
  DEFAULT_RECOMMENDATIONS,
  DEFAULT_TRENDING,
  MAX_RECOMMENDATIONS,
} from "../schema/recommendation.limits";

/** What every Product field here returns: the router resolves the rest from catalog. */
export interface ProductStub {
  id: string;
}

export const productStub = (id: string): ProductStub => ({ id });

/** `first: null` means the field's default; anything outside 1..50 is BAD_USER_INPUT. */
const listSize = (first: number | null | undefined, fallback: number) =>
  pageSize({ first: first ?? fallback }, MAX_RECOMMENDATIONS);

export async function frequentlyBoughtTogether(
  ctx: RecommendationsContext,
  productId: string,
  first?: number | null,
): Promise<ProductStub[]> {
  const limit = listSize(first, DEFAULT_BOUGHT_TOGETHER);
  const related = await ctx.loaders.coPurchases.load({ productId, limit });
  return related.map((row) => productStub(row.relatedProductId));
}

/**
 * Co-purchases first; a product with too few (new or rarely sold) is topped up with what is
 * trending, never repeating itself or a product already listed.
 */
export async function recommendationsFor(
  ctx: RecommendationsContext,
  productId: string,
  first?: number | null,
): Promise<ProductStub[]> {
  const limit = listSize(first, DEFAULT_RECOMMENDATIONS);
  const related = await ctx.loaders.coPurchases.load({ productId, limit });
  const ids = related.map((row) => row.relatedProductId);
  if (ids.length < limit) {
    const seen = new Set([productId, ...ids]);
    for (const row of await ctx.loaders.trending()) {
      if (ids.length >= limit) break;
      if (seen.has(row.productId)) continue;
      seen.add(row.productId);
      ids.push(row.productId);
    }
  }
  return ids.map(productStub);
}

export async function trendingProducts(ctx: RecommendationsContext, first?: number | null): Promise<ProductStub[]> {
  const limit = listSize(first, DEFAULT_TRENDING);
  const rows = await ctx.loaders.trending();
  return rows.slice(0, limit).map((row) => productStub(row.productId));
}
