import type { Database } from "@bazaar/drizzle";
import type { SQL } from "drizzle-orm";

/**
 * Runs a hand-written statement and returns its rows on either driver: postgres.js answers with
 * an array of rows, PGlite with `{ rows }`. Callers select only text and integer columns, which
 * both drivers return alike.
 */
export async function executeRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
