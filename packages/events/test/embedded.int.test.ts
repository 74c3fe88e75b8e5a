import { tables } from "@bazaar/drizzle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBus, createRelay, type EventEnvelope, InProcessBus, type Relay, writeToOutbox } from "../src/index";
import {
  AN_HOUR,
  applyOnce,
  effectCounts,
  eventually,
  onceEach,
  produce,
  someEvents,
  unpublished,
  useEmbeddedDatabase,
} from "./harness";

/** The embedded all-in-one: one process, one PGlite, every producer and consumer in it. */
describe("events in the embedded all-in-one (PGlite)", () => {
  // Closed after this suite's own afterAll has stopped the relays.
  const pglite = useEmbeddedDatabase();
  let bus: InProcessBus;
  let relays: Relay[];
  const deliveries: EventEnvelope[] = [];
  let failNext = 0;

  beforeAll(async () => {
    const { connection, db } = pglite;
    const chosen = await createBus(connection);
    expect(chosen).toBeInstanceOf(InProcessBus);
    bus = chosen as InProcessBus;
    const consumer = "recommendations.model";
    const apply = applyOnce({ db, table: tables.recommendationsProcessedEvents, consumer });
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
  });

  const applied = async () => (await effectCounts(pglite.db))["recommendations.model"] ?? {};

  it("delivers committed events of every producer once, woken by NOTIFY", async () => {
    const fromOrders = await produce(pglite.db, tables.outbox, someEvents(2));
    const fromUsers = await produce(pglite.db, tables.usersOutbox, someEvents(1));
    await eventually(async () => Object.keys(await applied()).length === 3);

    expect(await applied()).toEqual(onceEach([...fromOrders, ...fromUsers]));
    expect(deliveries.map((e) => e.producer).sort()).toEqual(["orders", "orders", "users"]);
    expect(await unpublished(pglite.db, tables.outbox)).toEqual([]);
  });

  it("emits nothing for a rolled-back transaction", async () => {
    const before = deliveries.length;
    await expect(
      pglite.db.transaction(async (tx) => {
        await writeToOutbox(tx, tables.outbox, someEvents(1));
        throw new Error("stock ran out");
      }),
    ).rejects.toThrow("stock ran out");
    const [marker] = await produce(pglite.db, tables.outbox, someEvents(1));
    await eventually(() => deliveries.some((e) => e.id === marker?.id));

    expect(deliveries.slice(before).map((e) => e.id)).toEqual([marker?.id]);
  });

  it("delivers a batch again when the process fails before marking it, and the effect stays single", async () => {
    failNext = 1;
    const events = await produce(pglite.db, tables.usersOutbox, someEvents(2));
    await eventually(async () => (await unpublished(pglite.db, tables.usersOutbox)).length === 0);

    const ids = events.map((e) => e.id);
    expect(deliveries.filter((e) => ids.includes(e.id)).length).toBeGreaterThan(2);
    expect(Object.fromEntries(Object.entries(await applied()).filter(([id]) => ids.includes(id)))).toEqual(
      onceEach(events),
    );
  });
});
