import type { Database, Transaction, tables } from "@bazaar/drizzle";
import { lt } from "drizzle-orm";
import type { Bus, EventHandler, Subscription } from "./bus";
import type { EventEnvelope, EventPayload, TypePattern } from "./envelope";

export type ProcessedEventsTable = tables.ProcessedEventsTable;

/** Applies one event inside the consumer's own transaction. */
export type ConsumerHandler<P = EventPayload> = (event: EventEnvelope<P>, tx: Transaction) => Promise<void>;

export interface ConsumeOnceOptions {
  /** The consumer's database; its transaction holds both the dedupe row and the handler's writes. */
  db: Database;
  /** The consumer subgraph's dedupe table, e.g. `tables.usersProcessedEvents`. */
  table: ProcessedEventsTable;
  /** Stable consumer name, e.g. "users.notifications"; one dedupe namespace per consumer. */
  consumer: string;
}

/**
 * Wraps a handler so its effect happens once per event id however often the bus delivers it:
 * in one transaction, insert (consumer, event id) — a conflict means it was already applied, so
 * skip — then run the handler. A concurrent duplicate waits on the first one's row and then
 * skips; a handler that throws rolls back its dedupe row too, so the redelivery applies it.
 */
export function consumeOnce<P = EventPayload>(options: ConsumeOnceOptions, handler: ConsumerHandler<P>): EventHandler {
  const { db, table, consumer } = options;
  return (event) =>
    db.transaction(async (tx) => {
      const fresh = await tx
        .insert(table)
        .values({ consumer, eventId: event.id })
        .onConflictDoNothing()
        .returning({ eventId: table.eventId });
      if (fresh.length === 0) return;
      await handler(event as EventEnvelope<P>, tx);
    });
}

export interface ConsumerOptions<P> extends ConsumeOnceOptions {
  bus: Bus;
  /** Event types it wants: "order.paid", "order.*", or a list. */
  types: TypePattern;
  handle: ConsumerHandler<P>;
  /** For a consumer deployed after events it should not replay; default "earliest". */
  startFrom?: "earliest" | "latest" | undefined;
}

/**
 * The usual consumer: a durable group named after the consumer (one delivery per event across
 * all its processes) whose handler is deduplicated with `consumeOnce`.
 */
export function subscribeConsumer<P = EventPayload>(options: ConsumerOptions<P>): Promise<Subscription> {
  const handler = consumeOnce(options, options.handle);
  return options.bus.subscribe(options.types, handler, { group: options.consumer, startFrom: options.startFrom });
}

/** Forgets dedupe rows older than `before` (keep them well past the longest possible redelivery). */
export async function pruneProcessedEvents(db: Database, table: ProcessedEventsTable, before: Date): Promise<number> {
  const deleted = await db.delete(table).where(lt(table.processedAt, before)).returning({ eventId: table.eventId });
  return deleted.length;
}
