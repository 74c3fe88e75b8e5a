import type { Database } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";
import { type EventEnvelope, type NewEvent, type OutboxTable, writeToOutbox } from "../src/index";

/** A promise with its resolver outside, for gates and "this happened" signals. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Re-checks until true; the test's own timeout is the only limit, so nothing here measures time. */
export async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

let counter = 0;
/** Distinct, recognisable events: `order.paid` for aggregate `ord_<n>`. */
export function someEvents(count: number, type = "order.paid"): NewEvent[] {
  return Array.from({ length: count }, () => {
    counter += 1;
    return { type, aggregateType: "Order", aggregateId: `ord_${counter}`, sequence: 1, payload: { n: counter } };
  });
}

/** Writes events in their own committed transaction, as a producer's state change would. */
export function produce(db: Database, table: OutboxTable, events: NewEvent[], options: { notify?: boolean } = {}) {
  return db.transaction((tx) => writeToOutbox(tx, table, events, options));
}

/**
 * A side-effect table without a unique constraint: a consumer that applied an event twice would
 * leave two rows, so counting rows per event checks the exactly-once effect.
 */
export async function createEffectsTable(db: Database): Promise<void> {
  await db.execute(sql`create table if not exists public.effects (consumer text not null, event_id text not null)`);
}

export async function applyEffect(db: Pick<Database, "execute">, consumer: string, event: EventEnvelope) {
  await db.execute(sql`insert into public.effects (consumer, event_id) values (${consumer}, ${event.id})`);
}

/** consumer → event id → how many times its effect was applied. */
export async function effectCounts(db: Database): Promise<Record<string, Record<string, number>>> {
  const result = await db.execute<{ consumer: string; event_id: string; n: number }>(
    sql`select consumer, event_id, count(*)::int as n from public.effects group by consumer, event_id`,
  );
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
    consumer: string;
    event_id: string;
    n: number;
  }[];
  const counts: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    counts[row.consumer] ??= {};
    (counts[row.consumer] as Record<string, number>)[row.event_id] = row.n;
  }
  return counts;
}

/** `{ [id]: 1, … }` for these events: each applied exactly once. */
export const onceEach = (events: { id: string }[]) => Object.fromEntries(events.map((e) => [e.id, 1]));
