import type { Database } from "@bazaar/drizzle";
import type { sql } from "drizzle-orm";

/**
 * Rows of a raw SQL check. The seed tests join across schemas to check the data as a whole,
 * which no subgraph may do and only these tests do.
 */
export async function rows<T = Record<string, unknown>>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

export const one = async <T>(db: Database, query: ReturnType<typeof sql>) => (await rows<T>(db, query))[0] as T;
