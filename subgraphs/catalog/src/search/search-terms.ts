/**
 * How a query is read, the same way by every adapter. Words are runs of letters and digits
 * (the Postgres text-search parser also indexes the parts of hyphenated words, so "usb-c" is
 * found as "usb c"). The typo budget follows Meilisearch's defaults: none below five letters,
 * one from five, two from nine.
 */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;
export const ONE_TYPO_MIN_LENGTH = 5;
export const TWO_TYPOS_MIN_LENGTH = 9;

export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function typoBudget(word: string): number {
  const length = [...word].length;
  if (length >= TWO_TYPOS_MIN_LENGTH) return 2;
  if (length >= ONE_TYPO_MIN_LENGTH) return 1;
  return 0;
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * adjacent letters each cost one edit (a transposed letter is one typo, as in Meilisearch).
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i += 1) {
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/** Typos between a query word and a word of the index; a wrong first letter counts twice, as in Meilisearch. */
export function typosBetween(typed: string, indexed: string): number {
  const firstLetterWrong = [...typed][0] !== [...indexed][0];
  return editDistance(typed, indexed) + (firstLetterWrong ? 1 : 0);
}

/** Fewest typos between a typed word and some beginning of `indexed` (the word being typed). */
export function prefixTyposBetween(typed: string, indexed: string): number {
  const length = [...typed].length;
  const letters = [...indexed];
  let best = Number.POSITIVE_INFINITY;
  for (let cut = Math.max(1, length - 2); cut <= Math.min(letters.length, length + 2); cut += 1) {
    best = Math.min(best, typosBetween(typed, letters.slice(0, cut).join("")));
  }
  return best;
}

/** Whether `indexed` is what a user typing `typed` may have meant, within the word's typo budget. */
export function isTypoOf(typed: string, indexed: string, asPrefix: boolean): boolean {
  const budget = typoBudget(typed);
  // Already matched without a typo: as itself, or (a prefix) as the beginning of `indexed`.
  if (budget === 0 || typed === indexed || (asPrefix && indexed.startsWith(typed))) return false;
  return (asPrefix ? prefixTyposBetween(typed, indexed) : typosBetween(typed, indexed)) <= budget;
}
