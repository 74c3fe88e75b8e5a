import { tables } from "@bazaar/drizzle";
import { and, type SQL, sql } from "drizzle-orm";
import type { SearchFilterValues } from "../search-engine.port";
import { PRICE_BUCKET_EDGES, RATING_THRESHOLDS } from "../search-facets";
import { filterCondition, publicProduct, textMatch } from "./search-where.sql";
import { exactQuery, type ExpandedWord, fuzzyQuery } from "./tsquery";

const { products, categories } = tables;

/** A query made ready for SQL: its tsqueries (nulls for an empty query). */
export interface PreparedQuery {
  fuzzy: string | null;
  /** null also when no word has a correction: then every match is exact. */
  exact: string | null;
  title: string | null;
}

export function prepareQuery(words: readonly ExpandedWord[]): PreparedQuery {
  if (words.length === 0) return { fuzzy: null, exact: null, title: null };
  const corrected = words.some((word) => word.corrections.length > 0);
  return { fuzzy: fuzzyQuery(words), exact: corrected ? exactQuery(words) : null, title: fuzzyQuery(words, "A") };
}

/**
 * Relevance: all words as typed, without a typo (+4), all words in the title (+2), then
 * `ts_rank` over the weighted document (title 1.0, brand and category 0.4, description 0.2),
 * scaled into [0, 1) by normalisation 32. An empty query ranks everything equally.
 */
function score(query: PreparedQuery): SQL {
  if (query.fuzzy === null) return sql`0::float8`;
  const vector = products.searchVector;
  const exact = query.exact === null ? sql`4` : sql`(${vector} @@ ${query.exact}::tsquery)::int * 4`;
  return sql`(${exact} + (${vector} @@ ${query.title}::tsquery)::int * 2
    + ts_rank('{0.1, 0.2, 0.4, 1.0}', ${vector}, ${query.fuzzy}::tsquery, 32))::float8`;
}

export interface MatchRequest {
  query: PreparedQuery;
  filter: SearchFilterValues;
}

/** `matched`: every public product matching the query and filter, scored (and with what facets count). */
export function matchedCte(request: MatchRequest, forFacets: boolean): SQL {
  const where = and(publicProduct(), textMatch(request.query.fuzzy), filterCondition(request.filter));
  const facetColumns = forFacets
    ? sql`, ${products.categoryId} as category_id, ${products.brand} as brand, ${products.sellerId} as seller_id,
        ${products.minPrice} as price, ${products.ratingAverage} as rating, ${products.attributes} as attributes`
    : sql``;
  return sql`matched as materialized (
    select ${products.id} as id, ${products.popularity} as popularity, ${score(request.query)} as score ${facetColumns}
    from ${products} where ${where}
  )`;
}

/** `ancestry`: (category, itself or an ancestor) pairs; depth-capped, so a cycle cannot loop. */
export const ancestryCte = sql`ancestry(id, ancestor_id, depth) as (
    select id, id, 0 from ${categories}
    union all
    select ancestry.id, parent.parent_id, ancestry.depth + 1
    from ancestry join ${categories} as parent on parent.id = ancestry.ancestor_id
    where parent.parent_id is not null and ancestry.depth < 32
  )`;

const intArray = (values: readonly number[]) => sql.raw(`array[${values.map((v) => Math.trunc(v)).join(", ")}]::int[]`);

/**
 * Facet rows (facet, value, detail, count, ord) over `matched`. A product counts for its category
 * and every ancestor (the category filter includes descendants), for the bucket of its lowest
 * price, for each rating threshold it reaches, and once per distinct attribute pair.
 */
export const facetRows = sql`
  select 'category' as facet, ancestry.ancestor_id as value, null as detail, count(*)::int as count, null::int as ord
    from matched join ancestry on ancestry.id = matched.category_id group by ancestry.ancestor_id
  union all
  select 'brand', brand, null, count(*)::int, null::int from matched where brand is not null group by brand
  union all
  select 'seller', seller_id, null, count(*)::int, null::int from matched group by seller_id
  union all
  select 'price', (width_bucket(price, ${intArray(PRICE_BUCKET_EDGES)}) - 1)::text, null, count(*)::int, null::int
    from matched group by 2
  union all
  select 'rating', threshold::text, null, count(*)::int, null::int
    from matched cross join unnest(${intArray(RATING_THRESHOLDS)}) as threshold
    where rating >= threshold group by threshold
  union all
  select 'attribute', pair ->> 'key', pair ->> 'value', count(distinct matched.id)::int, null::int
    from matched cross join jsonb_array_elements(matched.attributes) as pair
    where jsonb_typeof(pair) = 'object' and pair ->> 'key' is not null and pair ->> 'value' is not null
    group by 2, 3`;

/** What every search statement returns, one shape for hits, the total and facet values. */
export interface ResultRow {
  facet: "hit" | "total" | "category" | "brand" | "seller" | "price" | "rating" | "attribute";
  value: string | null;
  detail: string | null;
  count: number;
  ord: number | null;
}
