import { randomBytes } from "node:crypto";

/**
 * The URL-safe words of `text`, at most `maxLength` characters: accents dropped, lower case,
 * every other run of characters one hyphen ("Café Lamp (Black)" → "cafe-lamp-black"). May be
 * empty (e.g. "東京"): callers choose their own fallback.
 */
export function slugWords(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
}

/** The slug with a short random suffix ("-" and 6 hex characters), for when the plain one is taken. */
export const withRandomSuffix = (slug: string) => `${slug}-${randomBytes(3).toString("hex")}`;
