import type { Database, Transaction, tables } from "@bazaar/drizzle";
import { and, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { type EventEnvelope, type EventPayload, newEventId } from "./envelope";
import { OUTBOX_CHANNEL } from "./listen";

export type OutboxTable = tables.OutboxTable;
export type OutboxRow = OutboxTable["$inferSelect"];

/** A database or the transaction of the state change; the outbox rows join whatever it is in. */
export type Executor = Database | Transaction;

/** What a producer says; the outbox fills in the id (UUIDv7), the time and the producer. */
export interface NewEvent<P extends EventPayload = EventPayload> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence?: number | null | undefined;
  payload: P;
  /** Use your own when the event must be idempotent across retries of the same change. */
  id?: string | undefined;
  occurredAt?: Date | undefined;
}

export interface WriteOptions {
  /**
   * Send `pg_notify('bazaar_events', <schema>)` in the same transaction (default true). Postgres
   * delivers it only if the transaction commits, so relays wake exactly when there is work.
   */
  notify?: boolean | undefined;
}

/**
 * Appends events to `table` through `tx`. Call it inside the transaction that makes the change
 * the events announce: they commit with it or not at all, so a rolled-back change emits nothing.
 */
export async function writeToOutbox(
  tx: Executor,
  table: OutboxTable,
  events: readonly NewEvent[],
  options: WriteOptions = {},
): Promise<EventEnvelope[]> {
  if (events.length === 0) return [];
  const now = new Date();
  const rows = events.map((event) => ({
    id: event.id ?? newEventId(now.getTime()),
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    sequence: event.sequence ?? null,
    payload: event.payload,
    createdAt: event.occurredAt ?? now,
  }));
  await tx.insert(table).values(rows);
  const producer = producerOf(table);
  if (options.notify !== false) await notifyRelays(tx, producer);
  return rows.map((row) => toEnvelope({ ...row, publishedAt: null }, producer));
}

/** Wakes the relays of `producer`'s outbox (on commit, when sent inside a transaction). */
export async function notifyRelays(tx: Executor, producer: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, ${producer})`);
}

/** The producer of an outbox is the Postgres schema (= subgraph) it lives in. */
export function producerOf(table: OutboxTable): string {
  return getTableConfig(table).schema ?? "public";
}

export function toEnvelope(row: OutboxRow, producer: string): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    sequence: row.sequence,
    payload: row.payload,
    occurredAt: row.createdAt.toISOString(),
    producer,
  };
}

/** Deletes published rows older than `before`; run it now and then (the relay never deletes by itself). */
export async function prunePublished(db: Executor, table: OutboxTable, before: Date): Promise<number> {
  const deleted = await db
    .delete(table)
    .where(and(isNotNull(table.publishedAt), lt(table.publishedAt, before)))
    .returning({ id: table.id });
  return deleted.length;
}

/** Marks claimed rows published, or deletes them when the producer keeps no history. */
export async function settle(tx: Executor, table: OutboxTable, ids: string[], mode: "mark" | "delete"): Promise<void> {
  if (mode === "delete") await tx.delete(table).where(inArray(table.id, ids));
  else await tx.update(table).set({ publishedAt: sql`now()` }).where(inArray(table.id, ids));
}
