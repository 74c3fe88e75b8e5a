import { badUserInput, decodeCursor, isIdLike } from "@bazaar/subgraph-kit";

/** Postgres' text form of a timestamptz: offsets within ±15:59, as Postgres accepts them. */
const TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/;

/**
 * Decodes a newest-first cursor of (created_at in Postgres' text form, id). A forged cursor must be
 * refused here, with BAD_USER_INPUT, not by a failing cast in SQL.
 */
export function decodeCreatedAtCursor(after: string): readonly [createdAtKey: string, id: string] {
  const [createdAt, id] = decodeCursor(after, 2);
  const match = typeof createdAt === "string" ? TIMESTAMPTZ.exec(createdAt) : null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match?.[i]));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0));
  // Date.UTC rolls overflowing fields over (month 13, February 31): a real timestamp survives unchanged.
  const valid =
    match &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!valid || typeof id !== "string" || !isIdLike(id)) throw badUserInput("Malformed cursor", "after");
  return [createdAt as string, id];
}
