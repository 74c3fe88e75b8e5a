import { fileURLToPath } from "node:url";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Connection } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies the committed migrations. On PostgreSQL a session advisory lock on a dedicated
 * connection serialises processes that start at the same time.
 */
export async function migrate(connection: Connection): Promise<void> {
  if (connection.kind === "pglite") {
    await connection.client.exec("create extension if not exists pg_trgm");
    await migratePglite(drizzlePglite(connection.client), { migrationsFolder });
    return;
  }
  const single = postgres(connection.url, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await single`create extension if not exists pg_trgm`;
    await migratePostgres(drizzlePostgres(single), { migrationsFolder });
    await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await single.end({ timeout: 5 });
  }
}
