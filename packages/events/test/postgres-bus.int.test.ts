import { type Connection, createDatabase, type Database, tables } from "@bazaar/drizzle";
import { describe, expect, it } from "vitest";
import { createRelay, type EventEnvelope, PostgresBus, type Relay, subscribeConsumer } from "../src/index";
import {
  AN_HOUR,
  applyEffect,
  effectCounts,
  endAfterEach,
  eventually,
  onceEach,
  processPool,
  produce,
  someEvents,
  usePostgresDatabase,
} from "./harness";

/** What one deployable process holds: its own pool, its Postgres bus, and (for orders) its relay. */
interface Process {
  connection: Connection;
  db: Database;
  bus: PostgresBus;
  relay: Relay;
  stop(): Promise<void>;
}

describe("Postgres bus across processes", () => {
  const t = usePostgresDatabase();
  const processes = endAfterEach((p: Process) => p.stop());

  /** A separate "process": nothing shared with the others but the database. */
  async function startProcess(pollIntervalMs?: number): Promise<Process> {
    const connection = await processPool(t.url, 4);
    // Handler failures are expected in one test; each is retried, so the log would only be noise.
    const onError = () => {};
    const bus = await PostgresBus.connect({ url: t.url, pollIntervalMs, onError });
    const relay = createRelay({ connection, table: tables.outbox, bus, pollIntervalMs, onError });
    await relay.start();
    const process: Process = {
      connection,
      db: createDatabase(connection),
      bus,
      relay,
      async stop() {
        await relay.stop();
        await bus.close();
        await connection.close();
      },
    };
    processes.push(process);
    return process;
  }

  /**
   * A deduplicating consumer group member that records every delivery before dedupe. Groups start
   * from the latest event: the log already holds the events of earlier tests.
   */
  async function join(process: Process, consumer: string, fail?: (e: EventEnvelope) => boolean) {
    const deliveries: EventEnvelope[] = [];
    await subscribeConsumer({
      startFrom: "latest",
      bus: process.bus,
      db: process.db,
      table: tables.usersProcessedEvents,
      consumer,
      types: "order.*",
      handle: async (event, tx) => {
        deliveries.push(event);
        if (fail?.(event)) throw new Error("downstream unavailable");
        await applyEffect(tx, consumer, event);
      },
    });
    return deliveries;
  }

  /** How many distinct events the consumer has applied (committed). */
  const applied = async (consumer: string) => Object.keys((await effectCounts(t.db))[consumer] ?? {}).length;

  it("delivers an event produced on process A to a consumer on process B, woken by NOTIFY all the way", async () => {
    const a = await startProcess(AN_HOUR);
    const b = await startProcess(AN_HOUR);
    const received = await join(b, "users.notifications");

    const [event] = await produce(a.db, tables.outbox, someEvents(1));
    await eventually(async () => (await applied("users.notifications")) === 1);

    expect(received).toEqual([{ ...event, producer: "orders" }]);
    expect((await effectCounts(t.db))["users.notifications"]).toEqual(onceEach([event as EventEnvelope]));
  });

  it("gives each consumer group every event once, however many processes run the group", async () => {
    const [a, b] = [await startProcess(), await startProcess()];
    const onA = await join(a, "users.inbox");
    const onB = await join(b, "users.inbox");
    const model = await join(b, "recommendations.model");

    const events = [
      ...(await produce(a.db, tables.outbox, someEvents(15))),
      ...(await produce(b.db, tables.outbox, someEvents(15))),
    ];
    await eventually(
      async () => (await applied("users.inbox")) === 30 && (await applied("recommendations.model")) === 30,
    );

    const counts = await effectCounts(t.db);
    expect(counts["users.inbox"]).toEqual(onceEach(events));
    expect(counts["recommendations.model"]).toEqual(onceEach(events));
    // Not merely deduplicated: no member was ever handed an event another member had.
    expect([...onA, ...onB].map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(model).toHaveLength(30);
  });

  it("fans out to a listener without a group in every process", async () => {
    const [a, b] = [await startProcess(), await startProcess()];
    const seen: Record<string, string[]> = { a: [], b: [] };
    await a.bus.subscribe("order.paid", (event) => void seen.a?.push(event.id));
    await b.bus.subscribe("order.paid", (event) => void seen.b?.push(event.id));

    const events = await produce(a.db, tables.outbox, [...someEvents(2), ...someEvents(1, "order.shipped")]);
    await eventually(() => seen.a?.length === 2 && seen.b?.length === 2);

    const paid = events.filter((e) => e.type === "order.paid").map((e) => e.id);
    expect(seen).toEqual({ a: paid, b: paid });
  });

  it("resumes a group where it stopped, after every member was down", async () => {
    const producer = await startProcess();
    const first = await startProcess();
    await join(first, "sellers.payouts");
    const early = await produce(producer.db, tables.outbox, someEvents(2));
    await eventually(async () => (await applied("sellers.payouts")) === 2);
    await first.stop();

    const missed = await produce(producer.db, tables.outbox, someEvents(3));
    const again = await join(await startProcess(), "sellers.payouts");
    await eventually(async () => (await applied("sellers.payouts")) === 5);

    expect(again.map((e) => e.id)).toEqual(missed.map((e) => e.id));
    expect((await effectCounts(t.db))["sellers.payouts"]).toEqual(onceEach([...early, ...missed]));
  });

  it("retries an event whose handler failed, keeping the progress made before it", async () => {
    const process = await startProcess(20);
    let failures = 0;
    const planned = someEvents(3);
    const flaky = planned[1]?.aggregateId;
    const deliveries = await join(process, "search.indexer", (e) => e.aggregateId === flaky && failures++ < 2);
    const events = await produce(process.db, tables.outbox, planned);

    await eventually(async () => (await applied("search.indexer")) === 3);

    // The first event went through once; the second came back after each failure.
    expect(deliveries.map((e) => events.findIndex((x) => x.id === e.id))).toEqual([0, 1, 1, 1, 2]);
    expect((await effectCounts(t.db))["search.indexer"]).toEqual(onceEach(events));
  });

  it("prunes log entries every group has handled, and keeps the rest", async () => {
    const process = await startProcess();
    // Only the groups of this test exist (earlier tests' groups stopped long ago and would hold the log).
    await t.db.delete(tables.busConsumers);
    // A group that stopped here: everything after this point is still owed to it.
    const lagging = await process.bus.subscribe("*", () => {}, { group: "lagging", startFrom: "latest" });
    await lagging.unsubscribe();
    await join(process, "pruning.check");
    const owed = await produce(process.db, tables.outbox, someEvents(2));
    await eventually(async () => (await applied("pruning.check")) === 2);

    await process.bus.prune(new Date(Date.now() + AN_HOUR));

    const left = await t.db.select({ eventId: tables.busLog.eventId }).from(tables.busLog);
    expect(left.map((row) => row.eventId)).toEqual(owed.map((e) => e.id));
  });
});
