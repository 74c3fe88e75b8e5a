import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";
import * as schema from "./schema/index";

export type Schema = typeof schema;

/** A drizzle database over either driver; subgraph code is written against this type only. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The transaction handle passed to `db.transaction(fn)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** One physical connection (pool) that several subgraph databases may share. */
export type Connection =
  | { kind: "pglite"; client: PGlite; close(): Promise<void> }
  | { kind: "postgres"; client: Sql; url: string; close(): Promise<void> };

export interface ConnectionOptions {
  /** postgres:// URL of a real PostgreSQL. Without it the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; omit for an in-memory database. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // Keep every timestamp in UTC regardless of the server's configuration.
      connection: { TimeZone: "UTC" },
    });
    return { kind: "postgres", client, url: options.url, close: () => client.end({ timeout: 5 }) };
  }
  const client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  return { kind: "pglite", client, close: () => client.close() };
}

export interface DatabaseOptions {
  /** Called with every SQL statement the database sends; used to count statements per request. */
  onQuery?: ((sql: string) => void) | undefined;
}

export function createDatabase(connection: Connection, options: DatabaseOptions = {}): Database {
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query) => options.onQuery?.(query) }
    : undefined;
  if (connection.kind === "postgres") {
    return drizzlePostgres(connection.client, { schema, logger }) as unknown as Database;
  }
  return drizzlePglite(connection.client, { schema, logger }) as unknown as Database;
}
