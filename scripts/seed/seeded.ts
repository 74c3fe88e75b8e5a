import { type Database, tables } from "@bazaar/drizzle";

/** A database counts as seeded once it has any store: the seed writes stores last. */
export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.select({ id: tables.sellers.id }).from(tables.sellers).limit(1);
  return rows.length > 0;
}
