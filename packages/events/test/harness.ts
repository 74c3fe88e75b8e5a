// The set-up every events integration test shares: a database per file with the effects table,
// deduplicating consumers that record what they were handed, pools standing in for separate
// processes, and cleanup after each test. Test files import everything from here; the event
// helpers themselves (someEvents, produce, effectCounts, …) live in ./support and are re-exported.
import { type Connection, createDatabase, type Database, migrate, openConnection } from "@bazaar/drizzle";
import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  type Bus,
  consumeOnce,
  type EventEnvelope,
  type OutboxTable,
  type ProcessedEventsTable,
  type Subscription,
  type TypePattern,
} from "../src/index";
import { applyEffect, createEffectsTable } from "./support";

export * from "./support";

/** A poll interval no test outlives: whatever arrives was woken by NOTIFY (or a catch-up batch). */
export const AN_HOUR = 3_600_000;

/** Fails loudly when a test-file resource is used outside the hooks that create it. */
function whileOpen<T>(name: string, get: () => T | undefined): () => T {
  return () => {
    const value = get();
    if (value === undefined) throw new Error(`${name} exists only between this file's beforeAll and afterAll`);
    return value;
  };
}

/**
 * Registers beforeAll/afterAll hooks giving the calling suite a fresh migrated PostgreSQL database
 * (with the effects table) and dropping it afterwards. The returned object reads the live database.
 */
export function usePostgresDatabase(): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    await createEffectsTable(current.db);
  });
  afterAll(() => current?.drop());
  const get = whileOpen("the test database", () => current);
  return {
    get url() {
      return get().url;
    },
    get connection() {
      return get().connection;
    },
    get db() {
      return get().db;
    },
    drop: () => get().drop(),
  };
}

/**
 * The embedded all-in-one's database: an in-memory PGlite, migrated, with the effects table; closed
 * after the suite. Hooks the suite registers later run before this close (vitest runs after-hooks
 * last-registered first), so relays can stop while the database is still open.
 */
export function useEmbeddedDatabase(): { readonly connection: Connection; readonly db: Database } {
  let current: { connection: Connection; db: Database } | undefined;
  beforeAll(async () => {
    const connection = await openConnection({});
    await migrate(connection);
    const db = createDatabase(connection);
    await createEffectsTable(db);
    current = { connection, db };
  });
  afterAll(() => current?.connection.close());
  const get = whileOpen("the embedded database", () => current);
  return {
    get connection() {
      return get().connection;
    },
    get db() {
      return get().db;
    },
  };
}

/**
 * A list of things tests start (relays, processes, subscriptions); after each test every item still
 * in it is ended with `end`, all at once, and the list is emptied. After-hooks run last-registered
 * first, so a list created later is ended earlier.
 */
export function endAfterEach<T>(end: (item: T) => Promise<unknown>): T[] {
  const items: T[] = [];
  afterEach(async () => {
    await Promise.all(items.splice(0).map(end));
  });
  return items;
}

/** A pool of its own on the test database, as a separate process would hold. */
export const processPool = (url: string, maxConnections: number) => openConnection({ url, maxConnections });

export interface ConsumerSetup {
  db: Database;
  table: ProcessedEventsTable;
  consumer: string;
}

/** The consumer's handler: records the effect of an event in `effects`, once per event id (consumeOnce). */
export const applyOnce = ({ db, table, consumer }: ConsumerSetup) =>
  consumeOnce({ db, table, consumer }, (event, tx) => applyEffect(tx, consumer, event));

/**
 * A deduplicating consumer listening on `bus` for `types`: `deliveries` records every event it is
 * handed (before dedupe), in order; each is then applied once.
 */
export async function recordingConsumer(
  bus: Bus,
  setup: ConsumerSetup & { types: TypePattern },
): Promise<{ deliveries: EventEnvelope[]; subscription: Subscription }> {
  const deliveries: EventEnvelope[] = [];
  const apply = applyOnce(setup);
  const subscription = await bus.subscribe(setup.types, async (event) => {
    deliveries.push(event);
    await apply(event);
  });
  return { deliveries, subscription };
}

/** Ids of the outbox rows the relays have not marked published yet. */
export async function unpublished(db: Database, table: OutboxTable): Promise<string[]> {
  const rows = await db.select({ id: table.id }).from(table).where(isNull(table.publishedAt));
  return rows.map((row) => row.id);
}
