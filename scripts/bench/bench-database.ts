import { type Connection, createDatabase, type Database, migrate, openConnection, tables } from "@bazaar/drizzle";
import { startPostgresCluster } from "@bazaar/testing";
import { count, sql } from "drizzle-orm";
import { isSeeded, seedDemoData } from "../seed/index";

export interface BenchDatabase {
  db: Database;
  connection: Connection;
  where: string;
  products: number;
  /** Wall-clock seconds the seed took; null when an already seeded database was reused. */
  seedSeconds: number | null;
  close(): Promise<void>;
}

/**
 * A database holding the demo marketplace at `scale`: DATABASE_URL if given (seeded unless it
 * already is), otherwise a throwaway PostgreSQL cluster that is removed again on close.
 */
export async function openBenchDatabase(options: { url?: string | undefined; scale: number }): Promise<BenchDatabase> {
  const cluster = options.url ? undefined : await startPostgresCluster();
  const url = options.url ?? (cluster?.url as string);
  const connection = await openConnection({ url, maxConnections: 10 });
  const close = async () => {
    await connection.close();
    await cluster?.stop();
  };
  try {
    await migrate(connection);
    const db = createDatabase(connection);
    let seedSeconds: number | null = null;
    if (!(await isSeeded(db))) {
      console.log(`bench: seeding at scale ${options.scale}…`);
      const started = performance.now();
      await seedDemoData(db, { scale: options.scale });
      seedSeconds = (performance.now() - started) / 1000;
    }
    // Fresh statistics and visibility maps, as autovacuum would have them on a live database.
    await db.execute(sql`vacuum analyze`);
    const [row] = await db.select({ n: count() }).from(tables.products);
    const where = cluster ? "throwaway PostgreSQL cluster (fsync off)" : `PostgreSQL at ${new URL(url).host}`;
    return { db, connection, where, products: row?.n ?? 0, seedSeconds, close };
  } catch (error) {
    await close();
    throw error;
  }
}
