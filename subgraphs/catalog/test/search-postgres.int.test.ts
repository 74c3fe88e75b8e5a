import { createDatabase, migrate, openConnection } from "@bazaar/drizzle";
import { createTestDatabase } from "@bazaar/testing";
import { createPostgresSearchEngine } from "../src/search/postgres/postgres-search.engine";
import { searchEngineContract } from "../src/search/search-engine.contract";

// The index lives in the catalog tables and triggers keep it current: nothing to sync.
const inTables = async () => {};

searchEngineContract("Postgres on PostgreSQL 15", async () => {
  const testDb = await createTestDatabase();
  return { engine: createPostgresSearchEngine(testDb.db), db: testDb.db, sync: inTables, stop: () => testDb.drop() };
});

searchEngineContract("Postgres on PGlite (in memory, pg_trgm)", async () => {
  const connection = await openConnection({});
  await migrate(connection);
  const db = createDatabase(connection);
  return { engine: createPostgresSearchEngine(db), db, sync: inTables, stop: () => connection.close() };
});
