import type { FacetDistribution } from "meilisearch";
import { decodeAttribute } from "../documents/search-document";
import type { CountedValue, SearchAttributeValue, SearchFacetCounts } from "../search-engine.port";
import { PRICE_BUCKETS } from "../search-facets";
import { FACET_FIELDS } from "./meili-settings";

const entries = (distribution: FacetDistribution | undefined, field: string) =>
  Object.entries(distribution?.[field] ?? {}).map(([value, count]) => ({ value, count }));

/** Meilisearch's facet distribution (value → count per field) as the port's facet counts. */
export function toFacetCounts(distribution: FacetDistribution | undefined): SearchFacetCounts {
  const numbered = (field: string) =>
    entries(distribution, field).map(({ value, count }) => ({ value: Number(value), count }));
  return {
    categories: entries(distribution, FACET_FIELDS.categories),
    brands: entries(distribution, FACET_FIELDS.brands),
    prices: numbered(FACET_FIELDS.prices).flatMap(({ value, count }) => {
      const bucket = PRICE_BUCKETS[value];
      return bucket ? [{ value: bucket, count }] : [];
    }),
    ratings: numbered(FACET_FIELDS.ratings),
    sellers: entries(distribution, FACET_FIELDS.sellers),
    attributes: entries(distribution, FACET_FIELDS.attributes).flatMap(({ value, count }) => {
      const pair = decodeAttribute(value);
      return pair ? [{ value: pair, count } satisfies CountedValue<SearchAttributeValue>] : [];
    }),
  };
}
