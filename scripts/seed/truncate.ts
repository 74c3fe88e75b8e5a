import { type Database, tables } from "@bazaar/drizzle";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";

/**
 * Empties every table of every subgraph (not the migrations journal), so `db-seed --force` can
 * seed again from scratch. Tables are discovered from the drizzle schema, so new ones are included.
 */
export async function truncateDemoData(db: Database): Promise<void> {
  const names = (Object.values(tables) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const { schema, name } = getTableConfig(table);
      return `"${schema ?? "public"}"."${name}"`;
    });
  if (names.length === 0) return;
  await db.execute(sql.raw(`truncate table ${names.join(", ")} cascade`));
}
