import { hashString, mulberry32 } from "./random";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower-case, as newId uses

/** Fixed instant in the time part of every seeded id, so ids never depend on when the seed ran. */
const SEED_EPOCH_MS = Date.UTC(2025, 0, 1);

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The id of the `index`-th seeded entity of a kind: same shape as `newId(prefix)` (6 time bytes +
 * 10 random-looking bytes, 26 base32 characters) but a pure function of prefix and index, so
 * every seed run produces the same ids and they sort in index order like real ones sort by time.
 */
export function seedId(prefix: string, index: number): string {
  const bytes = new Uint8Array(16);
  let time = SEED_EPOCH_MS + index;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  const random = mulberry32(hashString(prefix) ^ Math.imul(index + 1, 0x9e3779b1));
  for (let i = 6; i < 16; i += 1) bytes[i] = Math.floor(random() * 256);
  return `${prefix}_${base32(bytes)}`;
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
