import { type Errors, lengthOf, path, slugWords, userError, withRandomSuffix } from "@bazaar/subgraph-kit";

export interface ApplicationInput {
  name: string;
  slug?: string | null;
  description?: string | null;
}

export interface ApplicationFields {
  name: string;
  /** null: derive one from the name. */
  slug: string | null;
  description: string;
}

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const SLUG_MIN = 3;
export const SLUG_MAX = 60;
export const DESCRIPTION_MAX = 2_000;
export const REASON_MAX = 1_000;

/** Lower-case letters and digits in runs joined by single hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: long texts keep line breaks and tabs.
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const isValidSlug = (slug: string) =>
  slug.length >= SLUG_MIN && slug.length <= SLUG_MAX && SLUG_PATTERN.test(slug);

/** Checks every field at once; each problem names its input field. Blank slug and description count as absent. */
export function validateApplication(errors: Errors, input: ApplicationInput): ApplicationFields {
  const name = input.name.trim();
  if (lengthOf(name) < NAME_MIN || lengthOf(name) > NAME_MAX || CONTROL.test(name)) {
    errors.push(
      userError("NAME_INVALID", `The name must be ${NAME_MIN}–${NAME_MAX} characters without control characters`, path("name")),
    );
  }
  const slug = input.slug?.trim() || null;
  if (slug !== null && !isValidSlug(slug)) {
    errors.push(
      userError(
        "SLUG_INVALID",
        `The slug must be ${SLUG_MIN}–${SLUG_MAX} lower-case letters, digits and single hyphens`,
        path("slug"),
      ),
    );
  }
  const description = input.description?.trim() ?? "";
  if (lengthOf(description) > DESCRIPTION_MAX || CONTROL_BUT_LINE_BREAKS.test(description)) {
    errors.push(
      userError(
        "DESCRIPTION_INVALID",
        `The description must be at most ${DESCRIPTION_MAX} characters without control characters`,
        path("description"),
      ),
    );
  }
  return { name, slug, description };
}

/** A rejection needs a reason the applicant can read. */
export function validateReason(errors: Errors, raw: string): string {
  const reason = raw.trim();
  if (reason === "") errors.push(userError("REASON_REQUIRED", "Say why the application is rejected", path("reason")));
  else if (lengthOf(reason) > REASON_MAX || CONTROL_BUT_LINE_BREAKS.test(reason)) {
    errors.push(
      userError("REASON_INVALID", `The reason must be at most ${REASON_MAX} characters without control characters`, path("reason")),
    );
  }
  return reason;
}

/** Room for "-" and a 6-character suffix within SLUG_MAX. */
const BASE_MAX = SLUG_MAX - 7;

/** "Café Lumière & Co" → "cafe-lumiere-co"; too short a result gets "-store" ("AB" → "ab-store", "東京" → "store"). */
export function slugFromName(name: string): string {
  const base = slugWords(name, BASE_MAX);
  if (base.length >= SLUG_MIN) return base;
  return base ? `${base}-store` : "store";
}

/** The slug with a short random suffix, for when the plain one is taken. */
export const suffixedSlug = withRandomSuffix;
