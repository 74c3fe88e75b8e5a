import postgres from "postgres";

/** Database names here are generated or fixed, but quote them anyway for correctness. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs statements on a short-lived single admin connection. CREATE/DROP DATABASE cannot run in
 * a transaction and must not share a pool with tests, so each call gets its own connection.
 */
export async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The same server, another database: swap the path of the admin URL. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
