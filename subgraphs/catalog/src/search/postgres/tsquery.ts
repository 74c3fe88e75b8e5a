/**
 * Builds `tsquery` text from words the index itself produced, so no text-search parsing happens
 * on the way (a cast to tsquery keeps lexemes as they are). Lexemes are quoted, with quotes and
 * backslashes escaped, so any lexeme is safe.
 */
export interface ExpandedWord {
  /** The word as the index would store it. */
  lexeme: string;
  /** Words of the index within the word's typo budget. */
  corrections: string[];
  /** The last word of a query also matches words it is the beginning of. */
  prefix: boolean;
}

export type Weight = "A" | "B";

const quote = (lexeme: string) => `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function operand(lexeme: string, prefix: boolean, weight: Weight | undefined): string {
  const flags = `${prefix ? "*" : ""}${weight ?? ""}`;
  return flags ? `${quote(lexeme)}:${flags}` : quote(lexeme);
}

/** Every word as typed (the last also as a prefix), all required. */
export function exactQuery(words: readonly ExpandedWord[], weight?: Weight): string {
  return words.map((w) => operand(w.lexeme, w.prefix, weight)).join(" & ");
}

/** Every word required, each satisfied by itself or by any of its corrections. */
export function fuzzyQuery(words: readonly ExpandedWord[], weight?: Weight): string {
  return words
    .map((w) => {
      const alternatives = [
        operand(w.lexeme, w.prefix, weight),
        ...w.corrections.map((c) => operand(c, false, weight)),
      ];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}
