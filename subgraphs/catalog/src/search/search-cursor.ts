import { createHash } from "node:crypto";
import { badUserInput, decodeCursor, encodeCursor } from "@bazaar/subgraph-kit";
import type { SearchEngine, SearchFilterValues } from "./search-engine.port";
import { queryWords } from "./search-terms";

const KIND = "search";

/**
 * Identifies a search (engine, words, filter), so a cursor is only accepted by the search that
 * issued it: its position keys mean nothing for another query or ranking.
 */
export function searchFingerprint(engine: SearchEngine, query: string, filter: SearchFilterValues): string {
  const canonical = JSON.stringify([
    engine.name,
    queryWords(query),
    Object.entries(filter)
      .filter(([, value]) => value != null)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

export const encodeSearchCursor = (fingerprint: string, keys: readonly string[]) =>
  encodeCursor([KIND, fingerprint, ...keys]);

/** The engine's position keys in a cursor issued by this very search; anything else is BAD_USER_INPUT. */
export function decodeSearchCursor(after: string, fingerprint: string, engine: SearchEngine): string[] {
  const values = decodeCursor(after, 2 + engine.cursorKeys);
  if (values[0] !== KIND) throw badUserInput("Malformed cursor", "after");
  if (values[1] !== fingerprint) {
    throw badUserInput("This cursor belongs to another search; start again without after", "after");
  }
  const keys = values.slice(2);
  if (!keys.every((key): key is string => typeof key === "string") || !engine.cursorValid(keys)) {
    throw badUserInput("Malformed cursor", "after");
  }
  return keys;
}
