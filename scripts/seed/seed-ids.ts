import { composeId } from "@bazaar/subgraph-kit";
import { hashString, mulberry32 } from "./random";

/** Fixed instant in the time part of every seeded id, so ids never depend on when the seed ran. */
const SEED_EPOCH_MS = Date.UTC(2025, 0, 1);

/**
 * The id of the `index`-th seeded entity of a kind: same shape as `newId(prefix)` (6 time bytes +
 * 10 random-looking bytes, 26 base32 characters) but a pure function of prefix and index, so
 * every seed run produces the same ids and they sort in index order like real ones sort by time.
 */
export function seedId(prefix: string, index: number): string {
  const random = mulberry32(hashString(prefix) ^ Math.imul(index + 1, 0x9e3779b1));
  const entropy = Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256));
  return composeId(prefix, SEED_EPOCH_MS + index, entropy);
}

/** URL-safe handle, e.g. "Women's Clothing" → "womens-clothing". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
