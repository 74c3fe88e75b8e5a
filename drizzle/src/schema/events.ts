import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  type PgSchema,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Table helpers for @bazaar/events. Each subgraph declares its own outbox and dedupe table in its
 * own Postgres schema (`export const usersOutbox = outboxTable(usersSchema)`), so a producer writes
 * its events in the transaction that changes its data and a consumer records what it applied in
 * the transaction that applies it — neither ever touches another subgraph's schema.
 */

/**
 * Transactional outbox: written in the same transaction as the change it announces; a relay
 * claims unpublished rows in (created_at, id) order, hands them to the bus and stamps published_at.
 */
export function outboxTable(schema: PgSchema) {
  return schema.table(
    "outbox",
    {
      /** The event id; consumers dedupe on it. */
      id: text("id").primaryKey(),
      aggregateType: text("aggregate_type").notNull(),
      aggregateId: text("aggregate_id").notNull(),
      /** The aggregate's own event number, when it has one, so consumers can order per aggregate. */
      sequence: integer("sequence"),
      type: text("type").notNull(),
      payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
      /** When the event happened (the envelope's occurredAt). */
      createdAt: createdAt(),
      publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    },
    (t) => [
      // Null sequences are distinct, so events without one are not constrained.
      uniqueIndex("outbox_aggregate_sequence_key").on(t.aggregateType, t.aggregateId, t.sequence),
      index("outbox_unpublished_idx").on(t.createdAt, t.id).where(sql`${t.publishedAt} is null`),
    ],
  );
}

/** Events a consumer has applied: inserted in the consumer's own transaction, a conflict means "already done". */
export function processedEventsTable(schema: PgSchema) {
  return schema.table(
    "processed_events",
    {
      /** The consumer's stable name, e.g. "users.notifications". */
      consumer: text("consumer").notNull(),
      eventId: text("event_id").notNull(),
      processedAt: timestamp("processed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.consumer, t.eventId] }),
      index("processed_events_processed_at_idx").on(t.processedAt),
    ],
  );
}

export type OutboxTable = ReturnType<typeof outboxTable>;
export type ProcessedEventsTable = ReturnType<typeof processedEventsTable>;

/**
 * The Postgres bus: the broker, not a subgraph (the stand-in for Redis Streams or NATS JetStream).
 * Relays append every producer's published events to one log; consumer groups read it by position.
 */
export const busSchema = pgSchema("bus");

/**
 * Positions are assigned under one transaction-scoped advisory lock, so they become visible in
 * increasing order and a reader that remembers the last position it handled never skips a row.
 */
export const busLog = busSchema.table("log", {
  position: bigint("position", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  /** The outbox row's id; a relay that re-publishes after a crash adds nothing. */
  eventId: text("event_id").notNull().unique("log_event_id_key"),
  type: text("type").notNull(),
  aggregateType: text("aggregate_type").notNull(),
  aggregateId: text("aggregate_id").notNull(),
  sequence: integer("sequence"),
  payload: jsonb("payload").$type<unknown>().notNull(),
  /** The producing subgraph (its Postgres schema). */
  producer: text("producer").notNull(),
  occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** One row per durable consumer group: the last log position it has handled. */
export const busConsumers = busSchema.table("consumers", {
  consumer: text("consumer").primaryKey(),
  position: bigint("position", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
