import type { Database } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";
import type { SearchFacetCounts } from "../search-engine.port";
import { executeRows } from "./execute-rows";
import { toFacetCounts } from "./search-facets.queries";
import { ancestryCte, facetRows, type MatchRequest, matchedCte, type ResultRow } from "./search-sql";

/** The order is score, then popularity (both descending), then id: total, so pages are stable. */
export type PageKeys = [score: string, popularity: string, id: string];

const afterKeys = ([scoreText, popularity, id]: readonly string[]) =>
  sql`(score < ${scoreText}::float8 or (score = ${scoreText}::float8 and (popularity < ${popularity}::int
    or (popularity = ${popularity}::int and id > ${id}))))`;

export interface SearchPageResult {
  hits: { id: string; keys: PageKeys }[];
  total: number;
  /** Counted in the same statement when asked for; otherwise null. */
  facets: SearchFacetCounts | null;
}

/**
 * One statement: every match is scored once (a relevance order needs them all), counted, the page
 * after the cursor taken, and — when asked for — the facets counted over the same matches.
 */
export async function searchPage(
  db: Database,
  request: MatchRequest & { limit: number; after: readonly string[] | null; facets: boolean },
): Promise<SearchPageResult> {
  const rows = await executeRows<ResultRow>(
    db,
    sql`with recursive ${matchedCte(request, request.facets)}${request.facets ? sql`, ${ancestryCte}` : sql``}
      select 'total' as facet, null as value, null as detail, count(*)::int as count, null::int as ord from matched
      union all
      select 'hit', id, score::text, popularity, (row_number() over (order by score desc, popularity desc, id))::int
      from (
        select id, score, popularity from matched
        where ${request.after ? afterKeys(request.after) : sql`true`}
        order by score desc, popularity desc, id limit ${request.limit}
      ) as page
      ${request.facets ? sql`union all ${facetRows}` : sql``}`,
  );
  const hits = rows
    .filter((row) => row.facet === "hit")
    .sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0))
    .map((row) => ({ id: row.value as string, keys: [row.detail, String(row.count), row.value] as PageKeys }));
  return {
    hits,
    total: rows.find((row) => row.facet === "total")?.count ?? 0,
    facets: request.facets ? toFacetCounts(rows) : null,
  };
}
