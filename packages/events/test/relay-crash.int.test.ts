import { tables } from "@bazaar/drizzle";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRelay, type EventEnvelope, InProcessBus } from "../src/index";
import {
  applyOnce,
  deferred,
  effectCounts,
  eventually,
  onceEach,
  processPool,
  produce,
  recordingConsumer,
  someEvents,
  unpublished,
  usePostgresDatabase,
} from "./harness";

const outbox = tables.sellersOutbox;
const processed = tables.usersProcessedEvents;

/** Each relay gets its own pool, as a separate process would. */
const relayProcess = (url: string) => processPool(url, 2);

describe("relays that crash or compete", () => {
  const t = usePostgresDatabase();

  it("delivers every event after a relay dies mid-batch, and the consumer applies each once", async () => {
    const consumer = "crash-consumer";
    const apply = applyOnce({ db: t.db, table: processed, consumer });
    const events = await produce(t.db, outbox, someEvents(5));

    // The first relay hands two events over, then its process freezes on the third and is killed:
    // its sockets close while it still holds the claim, so PostgreSQL rolls the claim back.
    const firstRun: EventEnvelope[] = [];
    const reachedThird = deferred();
    const doomedBus = new InProcessBus();
    await doomedBus.subscribe("*", async (event) => {
      firstRun.push(event);
      if (firstRun.length < 3) return apply(event);
      reachedThird.resolve();
      await new Promise(() => {});
    });
    const doomedConnection = await relayProcess(t.url);
    const doomed = createRelay({ connection: doomedConnection, table: outbox, bus: doomedBus });
    // What the dead process would have done next never matters.
    doomed.relayBatch().catch(() => {});
    await reachedThird.promise;
    if (doomedConnection.kind === "postgres") await doomedConnection.client.end({ timeout: 0 });

    // Nothing was marked published: the claim died with its connection.
    expect(await unpublished(t.db, outbox)).toHaveLength(5);

    // The restarted relay delivers all five again; the two already applied are skipped.
    const bus = new InProcessBus();
    const { deliveries: secondRun } = await recordingConsumer(bus, {
      db: t.db,
      table: processed,
      consumer,
      types: "*",
    });
    const connection = await relayProcess(t.url);
    const restarted = createRelay({ connection, table: outbox, bus, pollIntervalMs: 50 });
    await restarted.start();
    // Its first polls may still find the rows locked until PostgreSQL notices the dead sessions.
    await eventually(() => secondRun.length === 5);
    await restarted.stop();
    await connection.close();

    expect(firstRun.map((e) => e.id)).toEqual(events.slice(0, 3).map((e) => e.id));
    expect(secondRun.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect((await effectCounts(t.db))[consumer]).toEqual(onceEach(events));
  });

  it("never lets two relays deliver the same rows at the same time", async () => {
    await t.db.update(outbox).set({ publishedAt: sql`now()` });
    const events = await produce(t.db, outbox, someEvents(40));
    const deliveredBy: Record<string, string[]> = { a: [], b: [] };
    const bHasDelivered = deferred();

    // Relay A holds its first claimed batch open until relay B has delivered one of its own:
    // B can only have done so by skipping A's locked rows.
    const busFor = async (name: "a" | "b") => {
      const bus = new InProcessBus();
      await bus.subscribe("*", async (event) => {
        deliveredBy[name]?.push(event.id);
      });
      return bus;
    };
    const busA = await busFor("a");
    const holdFirstBatch = deferred();
    await busA.subscribe("*", async () => {
      if (deliveredBy.a?.length === 1) await holdFirstBatch.promise;
    });
    const busB = await busFor("b");
    await busB.subscribe("*", async () => {
      if (deliveredBy.b?.length === 10) bHasDelivered.resolve();
    });

    const [connectionA, connectionB] = [await relayProcess(t.url), await relayProcess(t.url)];
    const relayA = createRelay({ connection: connectionA, table: outbox, bus: busA, batchSize: 10 });
    const relayB = createRelay({ connection: connectionB, table: outbox, bus: busB, batchSize: 10 });
    await relayA.start();
    await eventually(() => deliveredBy.a?.length === 1);
    await relayB.start();
    await bHasDelivered.promise;
    holdFirstBatch.resolve();
    await eventually(() => (deliveredBy.a?.length ?? 0) + (deliveredBy.b?.length ?? 0) >= 40);
    await Promise.all([relayA.stop(), relayB.stop()]);
    await Promise.all([connectionA.close(), connectionB.close()]);

    const a = deliveredBy.a ?? [];
    const b = deliveredBy.b ?? [];
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(events.map((e) => e.id).sort());
    // A's first claim was the oldest ten; B, meanwhile, took the next ten.
    expect(a.slice(0, 10)).toEqual(events.slice(0, 10).map((e) => e.id));
    expect(b.slice(0, 10)).toEqual(events.slice(10, 20).map((e) => e.id));
  });
});
