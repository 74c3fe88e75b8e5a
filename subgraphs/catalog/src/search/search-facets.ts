import type { CountedValue, PriceBucketValue, SearchFacetCounts } from "./search-engine.port";

/**
 * Fixed price bucket edges in minor units (USD cents): 0–9.99, 10–24.99, 25–49.99, 50–99.99,
 * 100–249.99, 250–499.99, 500–999.99, 1000 and up. A product falls in the bucket of its lowest
 * variant price, the "from" price listings show, which is also what the price filters bound.
 */
export const PRICE_BUCKET_EDGES = [0, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000] as const;

export const PRICE_BUCKETS: PriceBucketValue[] = PRICE_BUCKET_EDGES.map((edge, i) => {
  const next = PRICE_BUCKET_EDGES[i + 1];
  return { priceMin: edge, priceMax: next === undefined ? null : next - 1 };
});

/** Index of the bucket a price falls in (prices are never negative). */
export function priceBucketIndex(price: number): number {
  let index = 0;
  PRICE_BUCKET_EDGES.forEach((edge, i) => {
    if (price >= edge) index = i;
  });
  return index;
}

/** Rating facet values are "at least N stars", best first; a filter `minRating: N` selects exactly them. */
export const RATING_THRESHOLDS = [4, 3, 2, 1] as const;

/** Values shown per facet (attributes: per facet, across keys). Counts of shown values are exact. */
export const FACET_VALUE_LIMIT = 30;
export const ATTRIBUTE_FACET_LIMIT = 60;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byCountThen =
  <T>(label: (value: T) => string) =>
  (a: CountedValue<T>, b: CountedValue<T>) =>
    b.count - a.count || compareText(label(a.value), label(b.value));

/**
 * Orders and trims raw counts the same way for every adapter: most frequent first (ties by
 * value), price buckets in price order, ratings best first, attributes grouped by key.
 * Zero counts are dropped.
 */
export function shapeFacets(raw: SearchFacetCounts): SearchFacetCounts {
  const top = <T>(values: CountedValue<T>[], label: (value: T) => string, limit = FACET_VALUE_LIMIT) =>
    values
      .filter((v) => v.count > 0)
      .sort(byCountThen(label))
      .slice(0, limit);
  const attributes = top(raw.attributes, (a) => `${a.key}\u0000${a.value}`, ATTRIBUTE_FACET_LIMIT).sort(
    (a, b) => compareText(a.value.key, b.value.key) || b.count - a.count || compareText(a.value.value, b.value.value),
  );
  return {
    categories: top(raw.categories, (id) => id),
    brands: top(raw.brands, (brand) => brand),
    prices: raw.prices.filter((v) => v.count > 0).sort((a, b) => a.value.priceMin - b.value.priceMin),
    ratings: raw.ratings.filter((v) => v.count > 0).sort((a, b) => b.value - a.value),
    sellers: top(raw.sellers, (id) => id),
    attributes,
  };
}
