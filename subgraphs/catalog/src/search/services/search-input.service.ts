import { badUserInput } from "@bazaar/subgraph-kit";
import type { SearchFilterValues } from "../search-engine.port";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, queryWords } from "../search-terms";

const MAX_BRANDS = 50;
const MAX_ATTRIBUTES = 20;

interface FilterInput {
  categoryId?: string | null;
  sellerId?: string | null;
  brand?: readonly string[] | null;
  priceMin?: number | null;
  priceMax?: number | null;
  minRating?: number | null;
  inStock?: boolean | null;
  attributes?: readonly { key: string; value: string }[] | null;
}

export function validQuery(query: string, field = "query"): string {
  if (query.length > MAX_QUERY_LENGTH)
    throw badUserInput(`${field} must be at most ${MAX_QUERY_LENGTH} characters`, field);
  if (queryWords(query).length > MAX_QUERY_WORDS)
    throw badUserInput(`${field} must have at most ${MAX_QUERY_WORDS} words`, field);
  return query;
}

/** The filter as the engines take it; refuses what could only be a mistake. */
export function validFilter(input: FilterInput | null | undefined): SearchFilterValues {
  const filter = input ?? {};
  for (const field of ["priceMin", "priceMax"] as const) {
    const value = filter[field];
    if (value != null && value < 0) throw badUserInput(`filter.${field} must not be negative`, `filter.${field}`);
  }
  if (filter.priceMin != null && filter.priceMax != null && filter.priceMin > filter.priceMax) {
    throw badUserInput("filter.priceMin must not be greater than filter.priceMax", "filter.priceMin");
  }
  if (filter.minRating != null && !(filter.minRating >= 0 && filter.minRating <= 5)) {
    throw badUserInput("filter.minRating must be between 0 and 5", "filter.minRating");
  }
  if ((filter.brand?.length ?? 0) > MAX_BRANDS)
    throw badUserInput(`filter.brand takes at most ${MAX_BRANDS} brands`, "filter.brand");
  if ((filter.attributes?.length ?? 0) > MAX_ATTRIBUTES) {
    throw badUserInput(`filter.attributes takes at most ${MAX_ATTRIBUTES} pairs`, "filter.attributes");
  }
  return {
    categoryId: filter.categoryId ?? null,
    sellerId: filter.sellerId ?? null,
    brands: filter.brand?.length ? [...new Set(filter.brand)] : null,
    priceMin: filter.priceMin ?? null,
    priceMax: filter.priceMax ?? null,
    minRating: filter.minRating ?? null,
    inStock: filter.inStock ?? null,
    attributes: filter.attributes?.length ? filter.attributes.map(({ key, value }) => ({ key, value })) : null,
  };
}
