import { type UserError, userError } from "./errors";

/**
 * Shared building blocks of mutation input validation. Every check collects all problems at once,
 * each with the path of the input field it concerns, and nothing is written unless the list is empty.
 */
export type Errors = UserError[];

/** The `field` of a user error: the path below the mutation's `input` argument. */
export const path = (...segments: (string | number)[]) => ["input", ...segments.map(String)];

/** Length in code points, so an emoji counts as one character, as a person would count it. */
export const lengthOf = (value: string): number => [...value].length;

// Control characters have no place in names or addresses, and NUL cannot be stored in a Postgres text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
// Long texts (descriptions, review bodies) may keep their line breaks and tabs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface BoundedTextOptions {
  optional?: boolean;
  label?: string;
  /** Keep `\n`, `\r` and `\t` (multi-line text); other control characters are still refused. */
  multiline?: boolean;
  /** Path segments below `input`; defaults to `[field]`. */
  at?: (string | number)[];
}

/**
 * A trimmed text of bounded length; returns the cleaned value and adds errors to `errors`.
 * Optional fields accept blank (returned as null).
 */
export function boundedText(
  errors: Errors,
  field: string,
  raw: string | null | undefined,
  max: number,
  options: BoundedTextOptions = {},
): string | null {
  const value = (raw ?? "").trim();
  const label = options.label ?? field;
  const at = path(...(options.at ?? [field]));
  if (value === "") {
    if (!options.optional) errors.push(userError("REQUIRED", `${label} is required`, at));
    return null;
  }
  if (lengthOf(value) > max) {
    errors.push(userError("TOO_LONG", `${label} must be at most ${max} characters`, at));
  } else if ((options.multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(value)) {
    errors.push(userError("INVALID_CHARACTERS", `${label} contains control characters`, at));
  }
  return value;
}

/** Opaque ids are short and printable; anything else cannot name a row and need not reach SQL. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isIdLike = (value: string): boolean => ID_PATTERN.test(value);
