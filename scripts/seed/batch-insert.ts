import type { Transaction } from "@bazaar/drizzle";
import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

const ROWS_PER_STATEMENT = 1_000;

/**
 * Multi-row INSERTs of 1,000 rows each. Each chunk travels as one JSON parameter that
 * `jsonb_populate_recordset` turns into rows of the table's own type: one bind parameter instead
 * of rows × columns, and none of the ORM's per-value work, which dominated seeding time.
 * A column a row leaves out gets its schema default when that default is a plain value (0, '',
 * []); SQL defaults such as `now()` do not apply, so rows must carry those columns themselves.
 */
export async function insertRows<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<number> {
  const columns = Object.entries(getTableColumns(table)).map(
    ([key, column]) => [key, column.name, constantDefault(column.default)] as const,
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, name, fallback] of columns) {
        const value = (row as Record<string, unknown>)[key];
        record[name] = value === undefined ? fallback : value;
      }
      return record;
    });
    await tx.execute(
      sql`insert into ${table} select * from jsonb_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::jsonb)`,
    );
  }
  return rows.length;
}

/** A column default usable as a JSON value; SQL expressions (`now()`) are not. */
function constantDefault(value: unknown): unknown {
  if (value === undefined || is(value, SQL)) return null;
  return value;
}
