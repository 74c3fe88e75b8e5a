import { type ContractProduct, categoryPathOf } from "./search-contract.fixtures";
import type { CountedValue, SearchFacetCounts, SearchFilterValues } from "./search-engine.port";
import { PRICE_BUCKETS, priceBucketIndex, RATING_THRESHOLDS, shapeFacets } from "./search-facets";

function tally<T>(
  products: readonly ContractProduct[],
  valuesOf: (product: ContractProduct) => T[],
): CountedValue<T>[] {
  const counts = new Map<string, CountedValue<T>>();
  for (const product of products) {
    for (const value of valuesOf(product)) {
      const key = JSON.stringify(value);
      const entry = counts.get(key) ?? { value, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}

/** What the facets of a result set must be, worked out from the fixture data alone. */
export function expectedFacets(products: readonly ContractProduct[]): SearchFacetCounts {
  return shapeFacets({
    categories: tally(products, (p) => categoryPathOf(p.categoryId)),
    brands: tally(products, (p) => [p.brand]),
    prices: tally(products, (p) => [PRICE_BUCKETS[priceBucketIndex(p.price)]!]),
    ratings: tally(products, (p) => RATING_THRESHOLDS.filter((threshold) => p.rating >= threshold)),
    sellers: tally(products, (p) => [p.sellerId]),
    attributes: tally(products, (p) =>
      [...new Set(p.attributes.map((a) => JSON.stringify([a.key, a.value])))].map((s) => {
        const [key, value] = JSON.parse(s) as [string, string];
        return { key, value };
      }),
    ),
  });
}

/** Facets in a canonical order, so two adapters' equal counts compare equal whatever their tie order. */
export function sortedFacets(facets: SearchFacetCounts): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(facets).map(([name, values]) => [
      name,
      (values as CountedValue<unknown>[]).map((v) => `${JSON.stringify(v.value)}=${v.count}`).sort(),
    ]),
  );
}

const atLeast = (a: number | null | undefined, b: number) => (a == null ? b : Math.max(a, b));
const atMost = (a: number | null | undefined, b: number | null) => (a == null ? b : b == null ? a : Math.min(a, b));

/** Each facet value as a narrowing of `base`, paired with the count the facet gave it. */
export function facetFilter(base: SearchFilterValues, facets: SearchFacetCounts): [SearchFilterValues, number][] {
  return [
    ...facets.categories.map(({ value, count }): [SearchFilterValues, number] => [
      { ...base, categoryId: value },
      count,
    ]),
    ...facets.brands.map(({ value, count }): [SearchFilterValues, number] => [{ ...base, brands: [value] }, count]),
    ...facets.prices.map(({ value, count }): [SearchFilterValues, number] => [
      { ...base, priceMin: atLeast(base.priceMin, value.priceMin), priceMax: atMost(base.priceMax, value.priceMax) },
      count,
    ]),
    ...facets.ratings.map(({ value, count }): [SearchFilterValues, number] => [
      { ...base, minRating: atLeast(base.minRating, value) },
      count,
    ]),
    ...facets.sellers.map(({ value, count }): [SearchFilterValues, number] => [{ ...base, sellerId: value }, count]),
    ...facets.attributes.map(({ value, count }): [SearchFilterValues, number] => [
      { ...base, attributes: [...(base.attributes ?? []).filter((pair) => pair.key !== value.key), value] },
      count,
    ]),
  ];
}
