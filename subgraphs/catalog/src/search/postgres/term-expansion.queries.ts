import type { Database } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";
import { isTypoOf, typoBudget } from "../search-terms";
import { executeRows } from "./execute-rows";
import type { ExpandedWord } from "./tsquery";

const textArray = (values: readonly (string | number)[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]`;

/**
 * One statement for the whole query: each word normalised exactly as the index stores words
 * (`to_tsvector('simple', …)`), and, for words long enough to carry a typo, the trigram
 * candidates from catalog.search_words. Candidates are then kept only within the word's typo
 * budget by edit distance; the last word (`lastIsPrefix`) may also be the beginning of a word.
 */
export async function expandWords(
  db: Database,
  words: readonly string[],
  lastIsPrefix: boolean,
): Promise<ExpandedWord[]> {
  if (words.length === 0) return [];
  const budgets = words.map(typoBudget);
  const rows = await executeRows<{ pos: number; lexeme: string | null; word: string | null }>(
    db,
    sql`select t.pos::int as pos, norm.lexeme, candidate.word
      from unnest(${textArray(words)}::text[], ${textArray(budgets)}::int[]) with ordinality as t(word, budget, pos)
      cross join lateral (select (tsvector_to_array(to_tsvector('simple', t.word)))[1] as lexeme) as norm
      left join lateral catalog.search_word_candidates(case when t.budget > 0 then norm.lexeme end)
        as candidate(word) on true
      order by t.pos, candidate.word`,
  );
  const expanded = new Map<number, ExpandedWord>();
  for (const row of rows) {
    if (row.lexeme === null) continue;
    const prefix = lastIsPrefix && row.pos === words.length;
    const word = expanded.get(row.pos) ?? { lexeme: row.lexeme, corrections: [], prefix };
    expanded.set(row.pos, word);
    if (row.word !== null && isTypoOf(row.lexeme, row.word, prefix)) word.corrections.push(row.word);
  }
  return [...expanded.entries()].sort(([a], [b]) => a - b).map(([, word]) => word);
}
