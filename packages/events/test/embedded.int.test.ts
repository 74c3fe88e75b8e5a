import { type Connection, createDatabase, type Database, migrate, openConnection, tables } from "@bazaar/drizzle";
import { isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consumeOnce,
  createBus,
  createRelay,
  type EventEnvelope,
  InProcessBus,
  type Relay,
  writeToOutbox,
} from "../src/index";
import { applyEffect, createEffectsTable, effectCounts, eventually, onceEach, produce, someEvents } from "./support";

const AN_HOUR = 3_600_000;

/** The embedded all-in-one: one process, one PGlite, every producer and consumer in it. */
describe("events in the embedded all-in-one (PGlite)", () => {
  let connection: Connection;
  let db: Database;
  let bus: InProcessBus;
  let relays: Relay[];
  const deliveries: EventEnvelope[] = [];
  let failNext = 0;

  beforeAll(async () => {
    connection = await openConnection({});
    await migrate(connection);
    db = createDatabase(connection);
    await createEffectsTable(db);

    const chosen = await createBus(connection);
    expect(chosen).toBeInstanceOf(InProcessBus);
    bus = chosen as InProcessBus;
    const consumer = "recommendations.model";
    const apply = consumeOnce({ db, table: tables.recommendationsProcessedEvents, consumer }, (event, tx) =>
      applyEffect(tx, consumer, event),
    );
    await bus.subscribe("order.*", async (event) => {
      deliveries.push(event);
      await apply(event);
      // Fails after applying, as a process dying before the relay marks the batch would.
      if (failNext > 0 && failNext--) throw new Error("crashed before the batch was marked");
    });
    // A poll an hour away: whatever arrives was woken by PGlite's NOTIFY.
    relays = [tables.outbox, tables.usersOutbox].map((table) =>
      createRelay({ connection, table, bus, pollIntervalMs: AN_HOUR, minBackoffMs: 10, onError: () => {} }),
    );
    for (const relay of relays) await relay.start();
  });
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await connection.close();
  });

  const applied = async () => (await effectCounts(db))["recommendations.model"] ?? {};

  it("delivers committed events of every producer once, woken by NOTIFY", async () => {
    const fromOrders = await produce(db, tables.outbox, someEvents(2));
    const fromUsers = await produce(db, tables.usersOutbox, someEvents(1));
    await eventually(async () => Object.keys(await applied()).length === 3);

    expect(await applied()).toEqual(onceEach([...fromOrders, ...fromUsers]));
    expect(deliveries.map((e) => e.producer).sort()).toEqual(["orders", "orders", "users"]);
    expect(await db.select().from(tables.outbox).where(isNull(tables.outbox.publishedAt))).toEqual([]);
  });

  it("emits nothing for a rolled-back transaction", async () => {
    const before = deliveries.length;
    await expect(
      db.transaction(async (tx) => {
        await writeToOutbox(tx, tables.outbox, someEvents(1));
        throw new Error("stock ran out");
      }),
    ).rejects.toThrow("stock ran out");
    const [marker] = await produce(db, tables.outbox, someEvents(1));
    await eventually(() => deliveries.some((e) => e.id === marker?.id));

    expect(deliveries.slice(before).map((e) => e.id)).toEqual([marker?.id]);
  });

  it("delivers a batch again when the process fails before marking it, and the effect stays single", async () => {
    failNext = 1;
    const events = await produce(db, tables.usersOutbox, someEvents(2));
    await eventually(
      async () =>
        (await db.select().from(tables.usersOutbox).where(isNull(tables.usersOutbox.publishedAt))).length === 0,
    );

    const ids = events.map((e) => e.id);
    expect(deliveries.filter((e) => ids.includes(e.id)).length).toBeGreaterThan(2);
    expect(Object.fromEntries(Object.entries(await applied()).filter(([id]) => ids.includes(id)))).toEqual(
      onceEach(events),
    );
  });
});
