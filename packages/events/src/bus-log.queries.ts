import { type Database, tables } from "@bazaar/drizzle";
import { and, asc, eq, gt, lt, lte, sql } from "drizzle-orm";
import type { EventEnvelope } from "./envelope";
import { BUS_CHANNEL } from "./listen";
import type { Executor } from "./outbox";

const { busLog, busConsumers } = tables;
type LogRow = typeof busLog.$inferSelect;

// Any constant works; it only has to be the same in every process (migrations use 4_242_001).
const APPEND_LOCK_KEY = 4_242_002;

/**
 * Appends events to the log in one transaction. The advisory lock serialises appenders until they
 * commit, so positions become visible strictly in order and readers can keep a plain cursor.
 * An event already in the log (a relay re-publishing after a crash) is skipped.
 */
export async function appendToLog(db: Database, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
    await tx
      .insert(busLog)
      .values(
        events.map((event) => ({
          eventId: event.id,
          type: event.type,
          aggregateType: event.aggregateType,
          aggregateId: event.aggregateId,
          sequence: event.sequence,
          payload: event.payload,
          producer: event.producer,
          occurredAt: new Date(event.occurredAt),
        })),
      )
      .onConflictDoNothing({ target: busLog.eventId });
    await tx.execute(sql`select pg_notify(${BUS_CHANNEL}, '')`);
  });
}

export async function readAfter(db: Executor, position: number, limit: number): Promise<LogRow[]> {
  return db.select().from(busLog).where(gt(busLog.position, position)).orderBy(asc(busLog.position)).limit(limit);
}

/** The newest committed position (0 for an empty log). */
export async function headPosition(db: Executor): Promise<number> {
  const [row] = await db
    .select({ position: sql<number>`coalesce(max(${busLog.position}), 0)`.mapWith(Number) })
    .from(busLog);
  return row?.position ?? 0;
}

/** Creates a group's cursor if it has none; an existing group keeps its position. */
export async function registerGroup(db: Executor, group: string, startFrom: "earliest" | "latest"): Promise<void> {
  const position = startFrom === "latest" ? await headPosition(db) : 0;
  await db.insert(busConsumers).values({ consumer: group, position }).onConflictDoNothing();
}

/** Locks the group's cursor for this transaction; undefined when another process holds it. */
export async function claimGroup(tx: Executor, group: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ position: busConsumers.position })
    .from(busConsumers)
    .where(eq(busConsumers.consumer, group))
    .for("update", { skipLocked: true });
  return row?.position;
}

export async function advanceGroup(tx: Executor, group: string, position: number): Promise<void> {
  await tx.update(busConsumers).set({ position, updatedAt: sql`now()` }).where(eq(busConsumers.consumer, group));
}

/** Deletes log entries older than `before` that every durable group has already handled. */
export async function pruneLog(db: Executor, before: Date): Promise<number> {
  const handledByAll = sql`coalesce((select min(${busConsumers.position}) from ${busConsumers}), (select max(${busLog.position}) from ${busLog}))`;
  const deleted = await db
    .delete(busLog)
    .where(and(lt(busLog.publishedAt, before), lte(busLog.position, handledByAll)))
    .returning({ position: busLog.position });
  return deleted.length;
}

export function logRowToEnvelope(row: LogRow): EventEnvelope {
  return {
    id: row.eventId,
    type: row.type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    sequence: row.sequence,
    payload: row.payload as EventEnvelope["payload"],
    occurredAt: row.occurredAt.toISOString(),
    producer: row.producer,
  };
}
