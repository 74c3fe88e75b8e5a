import { migrate, openConnection } from "@bazaar/drizzle";
import type { TestProject } from "vitest/node";
import { databaseUrl, quoteIdent, withAdmin } from "./admin";
import { startPostgresCluster } from "./postgres-cluster";
import "./provided-context";

/** Every test database is a copy of this one; copying is much faster than migrating each. */
const TEMPLATE = "bazaar_template";

/**
 * vitest globalSetup: one PostgreSQL for the whole run — BAZAAR_TEST_DATABASE_URL (an admin URL
 * of an external server) if set, else a throwaway cluster — holding a freshly migrated template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.BAZAAR_TEST_DATABASE_URL;
  const cluster = external ? undefined : await startPostgresCluster();
  const adminUrl = external ?? cluster?.url;
  if (!adminUrl) throw new Error("unreachable: neither an external server nor a cluster");

  try {
    // Recreated every run so edited or new migrations always apply; an external server may
    // still hold the template of an earlier run.
    await dropTemplate(adminUrl);
    await withAdmin(adminUrl, (sql) => sql.unsafe(`create database ${quoteIdent(TEMPLATE)}`));
    const connection = await openConnection({ url: databaseUrl(adminUrl, TEMPLATE), maxConnections: 1 });
    try {
      await migrate(connection);
    } finally {
      await connection.close();
    }
    // No connections allowed: CREATE DATABASE ... TEMPLATE fails while anyone is connected to it.
    await withAdmin(adminUrl, (sql) =>
      sql.unsafe(`alter database ${quoteIdent(TEMPLATE)} with is_template true allow_connections false`),
    );
  } catch (error) {
    await cluster?.stop();
    throw error;
  }

  project.provide("postgresAdminUrl", adminUrl);
  project.provide("postgresTemplate", TEMPLATE);

  return async () => {
    if (cluster) await cluster.stop();
    else await dropTemplate(adminUrl);
  };
}

async function dropTemplate(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, async (sql) => {
    const [row] = await sql`select 1 from pg_database where datname = ${TEMPLATE}`;
    if (!row) return;
    // A database flagged as template cannot be dropped until the flag is cleared.
    await sql.unsafe(`alter database ${quoteIdent(TEMPLATE)} with is_template false`);
    await sql.unsafe(`drop database ${quoteIdent(TEMPLATE)} with (force)`);
  });
}
