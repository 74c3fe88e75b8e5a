import { asc, desc, type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * Keyset pagination helpers. A cursor carries each sort key in its Postgres text form and the
 * query casts it back, so values JavaScript cannot hold exactly (microsecond timestamps, float4
 * ratings) still compare exactly and every row is visited once.
 */
export type KeyType = "timestamptz" | "integer" | "real" | "text";

export interface SortKey {
  column: SQLWrapper;
  type: KeyType;
}

/** A total order: every key runs in one direction and the last key is unique (the id). */
export interface KeysetOrder {
  direction: "asc" | "desc";
  keys: SortKey[];
}

/** The row's sort keys as text, to be put in its cursor. */
export const cursorKeysOf = (order: KeysetOrder) =>
  sql<string[]>`array[${sql.join(
    order.keys.map((key) => sql`${key.column}::text`),
    sql`, `,
  )}]`;

export const orderByKeys = (order: KeysetOrder): SQL[] =>
  order.keys.map((key) => (order.direction === "asc" ? asc(key.column) : desc(key.column)));

/** Rows strictly after the cursor: a row comparison, valid because all keys share one direction. */
export function afterKeys(order: KeysetOrder, values: readonly string[]): SQL {
  const columns = sql.join(
    order.keys.map((key) => sql`${key.column}`),
    sql`, `,
  );
  const cursor = sql.join(
    order.keys.map((key, i) => sql`cast(${values[i]} as ${sql.raw(key.type)})`),
    sql`, `,
  );
  return sql`(${columns}) ${sql.raw(order.direction === "asc" ? ">" : "<")} (${cursor})`;
}

const INT32 = 2 ** 31;
const TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(:\d{2})?$/;

/** Postgres' ISO output form, with every field in range (Postgres rejects 2026-02-31 in a cast). */
function isTimestamptz(text: string): boolean {
  const match = TIMESTAMPTZ.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offset] = [1, 2, 3, 4, 5, 6, 8].map((i) => Number(match[i]));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day! &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    offset! < 16
  );
}

const validators: Record<KeyType, (text: string) => boolean> = {
  timestamptz: isTimestamptz,
  integer: (text) => /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) < INT32,
  real: (text) => /^-?\d{1,10}(\.\d{1,12})?(e[+-]?\d{1,2})?$/i.test(text),
  text: (text) => text.length > 0 && text.length <= 200,
};

/** Whether cursor values can be cast to the order's key types (a forged cursor must not reach SQL). */
export function keysCastable(order: KeysetOrder, values: readonly unknown[]): values is string[] {
  return (
    values.length === order.keys.length &&
    order.keys.every((key, i) => typeof values[i] === "string" && validators[key.type](values[i] as string))
  );
}

/**
 * Position of a row within its partition in the given order. Filtering on it pages many parents
 * (products of many sellers, reviews of many products) in one statement.
 */
export const rankWithin = (partition: SQLWrapper, order: KeysetOrder) =>
  sql<number>`(row_number() over (partition by ${partition} order by ${sql.join(orderByKeys(order), sql`, `)}))::int`;
