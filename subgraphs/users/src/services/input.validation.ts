import { type UserError, userError } from "@bazaar/subgraph-kit";

/**
 * Shared building blocks of input validation. Every check collects all problems at once, each with
 * the path of the input field it concerns, and nothing is written unless the list is empty.
 */
export type Errors = UserError[];

export const path = (...segments: string[]) => ["input", ...segments];

/** Length in code points, so an emoji counts as one character, as a person would count it. */
export const lengthOf = (value: string): number => [...value].length;

// Control characters have no place in names or addresses, and NUL cannot be stored in a Postgres text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A trimmed text of bounded length; returns the cleaned value and adds errors to `errors`.
 * Optional fields accept blank (stored as null).
 */
export function boundedText(
  errors: Errors,
  field: string,
  raw: string | null | undefined,
  max: number,
  options: { optional?: boolean; label?: string } = {},
): string | null {
  const value = (raw ?? "").trim();
  const label = options.label ?? field;
  if (value === "") {
    if (!options.optional) errors.push(userError("REQUIRED", `${label} is required`, path(field)));
    return null;
  }
  if (lengthOf(value) > max) {
    errors.push(userError("TOO_LONG", `${label} must be at most ${max} characters`, path(field)));
  } else if (CONTROL.test(value)) {
    errors.push(userError("INVALID_CHARACTERS", `${label} contains control characters`, path(field)));
  }
  return value;
}

/** Opaque ids are short and printable; anything else cannot name a row and need not reach SQL. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isIdLike = (value: string): boolean => ID_PATTERN.test(value);
