import type { Settings } from "meilisearch";
import { ONE_TYPO_MIN_LENGTH, TWO_TYPOS_MIN_LENGTH } from "../search-terms";

/** The facets every search asks Meilisearch to count, by document field. */
export const FACET_FIELDS = {
  categories: "categoryIds",
  brands: "brand",
  prices: "priceBucket",
  ratings: "ratingAtLeast",
  sellers: "sellerId",
  attributes: "attributes",
} as const;

/**
 * Index settings, chosen to answer like the Postgres adapter: title outranks brand and category,
 * which outrank the description (searchable attribute order feeds the `attribute` rule); typo
 * budgets as in search-terms.ts; popularity breaks the remaining ties. Facet values come back
 * most frequent first, enough of them for the shown top values to be exact.
 */
export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ["title", "brand", "categoryNames", "description"],
  filterableAttributes: [
    "categoryIds",
    "categoryNames",
    "sellerId",
    "brand",
    "price",
    "priceBucket",
    "rating",
    "ratingAtLeast",
    "inStock",
    "attributes",
  ],
  sortableAttributes: ["price", "rating", "popularity", "createdAt"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "popularity:desc"],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: ONE_TYPO_MIN_LENGTH, twoTypos: TWO_TYPOS_MIN_LENGTH },
  },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
  pagination: { maxTotalHits: 10_000 },
  stopWords: [],
};
