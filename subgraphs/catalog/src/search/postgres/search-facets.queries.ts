import type { Database } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";
import type { SearchFacetCounts } from "../search-engine.port";
import { PRICE_BUCKETS } from "../search-facets";
import { executeRows } from "./execute-rows";
import { ancestryCte, facetRows, type MatchRequest, matchedCte, type ResultRow } from "./search-sql";

/** Facets alone, for a search whose page was fetched without them. */
export async function searchFacets(db: Database, request: MatchRequest): Promise<SearchFacetCounts> {
  const rows = await executeRows<ResultRow>(
    db,
    sql`with recursive ${matchedCte(request, true)}, ${ancestryCte} ${facetRows}`,
  );
  return toFacetCounts(rows);
}

export function toFacetCounts(rows: readonly ResultRow[]): SearchFacetCounts {
  const counts: SearchFacetCounts = {
    categories: [],
    brands: [],
    prices: [],
    ratings: [],
    sellers: [],
    attributes: [],
  };
  for (const { facet, value, detail, count } of rows) {
    if (value === null) continue;
    if (facet === "category") counts.categories.push({ value, count });
    else if (facet === "brand") counts.brands.push({ value, count });
    else if (facet === "seller") counts.sellers.push({ value, count });
    else if (facet === "rating") counts.ratings.push({ value: Number(value), count });
    else if (facet === "attribute") counts.attributes.push({ value: { key: value, value: detail ?? "" }, count });
    else if (facet === "price") {
      const bucket = PRICE_BUCKETS[Number(value)];
      if (bucket) counts.prices.push({ value: bucket, count });
    }
  }
  return counts;
}
