import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, sql } from "drizzle-orm";
import type { SearchSuggestionHit, SuggestionKind } from "../search-engine.port";
import { executeRows } from "./execute-rows";
import { publicProduct } from "./search-where.sql";
import { exactQuery, type ExpandedWord, fuzzyQuery } from "./tsquery";

const { products, categories } = tables;

interface SuggestionRow {
  kind: SuggestionKind;
  text: string;
  ref_id: string | null;
  exact: boolean;
}

/**
 * Autocomplete in one statement: categories whose name, brands whose name, and public products
 * whose title matches every typed word (the last as a beginning), typos allowed. Brand and title
 * candidates come from the search index (weights B and A), so no table is scanned. Matches
 * without a typo come first; then categories, brands and products; then popularity.
 */
export async function suggestMatches(
  db: Database,
  words: readonly ExpandedWord[],
  limit: number,
): Promise<SearchSuggestionHit[]> {
  if (words.length === 0) return [];
  const fuzzy = fuzzyQuery(words);
  const exact = exactQuery(words);
  const nameMatches = (column: unknown) => sql`to_tsvector('simple', coalesce(${column}, '')) @@ ${fuzzy}::tsquery`;
  const nameExact = (column: unknown) => sql`to_tsvector('simple', coalesce(${column}, '')) @@ ${exact}::tsquery`;
  const rows = await executeRows<SuggestionRow>(
    db,
    sql`select kind, text, ref_id, exact from (
        (select 'CATEGORY' as kind, ${categories.name} as text, ${categories.id} as ref_id,
            ${nameExact(categories.name)} as exact, 0 as rank, 0::bigint as popularity
          from ${categories} where ${nameMatches(categories.name)}
          order by 4 desc, 2 limit ${limit})
        union all
        (select 'BRAND', ${products.brand}, null, bool_or(${nameExact(products.brand)}), 1, sum(${products.popularity})
          from ${products}
          where ${and(publicProduct(), sql`${products.searchVector} @@ ${fuzzyQuery(words, "B")}::tsquery`, nameMatches(products.brand))}
          group by ${products.brand} order by 4 desc, 6 desc, 2 limit ${limit})
        union all
        (select 'PRODUCT', ${products.title}, ${products.id}, ${products.searchVector} @@ ${exactQuery(words, "A")}::tsquery,
            2, ${products.popularity}::bigint
          from ${products}
          where ${and(publicProduct(), sql`${products.searchVector} @@ ${fuzzyQuery(words, "A")}::tsquery`)}
          order by 4 desc, 6 desc, 3 limit ${limit})
      ) as suggestions
      order by exact desc, rank, popularity desc, text, ref_id
      limit ${limit}`,
  );
  return rows.map((row) => ({ kind: row.kind, text: row.text, refId: row.ref_id }));
}
