import { randomBytes } from "node:crypto";
import { type Connection, createDatabase, type Database, openConnection } from "@bazaar/drizzle";
import { databaseUrl, quoteIdent, withAdmin } from "./admin";
import "./provided-context";

export interface TestDatabase {
  url: string;
  connection: Connection;
  db: Database;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Pool size of `connection`; default 10 (postgres.js opens connections lazily). */
  maxConnections?: number;
  /** Passed to `createDatabase` for `db`, e.g. `createStatementCounter().onQuery`. */
  onQuery?: (sql: string) => void;
  /** Defaults to what global-setup provides; override to use these helpers outside vitest. */
  adminUrl?: string;
  template?: string;
}

/**
 * A fresh, migrated database copied from the global-setup template. Use one per test file:
 * `beforeAll(async () => { testDb = await createTestDatabase() })`, `afterAll(() => testDb.drop())`.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? (await provided("postgresAdminUrl"));
  const template = options.template ?? (await provided("postgresTemplate"));
  const name = `test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (sql) =>
    sql.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`),
  );
  const url = databaseUrl(adminUrl, name);
  const connection = await openConnection({ url, maxConnections: options.maxConnections ?? 10 });
  const db = createDatabase(connection, { onQuery: options.onQuery });
  let dropped = false;
  return {
    url,
    connection,
    db,
    async drop() {
      if (dropped) return;
      dropped = true;
      await connection.close();
      // FORCE ends sessions a test leaked (e.g. a server it forgot to stop) instead of failing.
      await withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`));
    },
  };
}

/** Imported lazily so this module also loads outside a vitest worker when both options are given. */
async function provided(key: "postgresAdminUrl" | "postgresTemplate"): Promise<string> {
  const { inject } = await import("vitest");
  const value = inject(key);
  if (!value)
    throw new Error(`${key} was not provided: is packages/testing/src/global-setup.ts in vitest globalSetup?`);
  return value;
}
