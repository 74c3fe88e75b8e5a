import type { Database } from "@bazaar/drizzle";
import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import type { sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { seedDemoData } from "./seed-demo-data";

/**
 * Rows of a raw SQL check. The seed tests join across schemas to check the data as a whole,
 * which no subgraph may do and only these tests do.
 */
export async function rows<T = Record<string, unknown>>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

export const one = async <T>(db: Database, query: ReturnType<typeof sql>) => (await rows<T>(db, query))[0] as T;

/**
 * Registers hooks giving the test file one fresh database with the scale-1 demo seed, and returns
 * the SQL check helpers bound to it.
 */
export function useSeededDatabase() {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedDemoData(testDb.db, { scale: 1 });
  });
  afterAll(() => testDb?.drop());
  const db = () => {
    if (!testDb) throw new Error("the seeded database exists only inside tests");
    return testDb.db;
  };
  return {
    rows: <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(db(), query),
    one: <T>(query: ReturnType<typeof sql>) => one<T>(db(), query),
  };
}
