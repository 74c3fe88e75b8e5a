import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower-case

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The id layout: prefix, then 6 bytes of milliseconds and 10 bytes of entropy in base32 (26 characters). */
export function composeId(prefix: string, timeMs: number, entropy: Uint8Array): string {
  if (entropy.length !== 10) throw new RangeError("an id needs 10 bytes of entropy");
  const time = Buffer.alloc(6);
  time.writeUIntBE(timeMs, 0, 6);
  return `${prefix}_${base32(Buffer.concat([time, entropy]))}`;
}

/**
 * Opaque, prefixed, roughly time-ordered ids such as `prd_01hv3...`: the prefix tells
 * a human which entity an id names; clients must treat the whole string as opaque.
 */
export function newId(prefix: string, now = Date.now()): string {
  return composeId(prefix, now, randomBytes(10));
}
