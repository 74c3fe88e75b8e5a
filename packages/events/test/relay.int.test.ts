import { tables } from "@bazaar/drizzle";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  createRelay,
  type EventEnvelope,
  InProcessBus,
  type Relay,
  type RelayOptions,
  type Subscription,
  writeToOutbox,
} from "../src/index";
import {
  AN_HOUR,
  deferred,
  effectCounts,
  endAfterEach,
  eventually,
  onceEach,
  produce,
  recordingConsumer,
  someEvents,
  unpublished,
  usePostgresDatabase,
} from "./harness";

const outbox = tables.usersOutbox;
const processed = tables.recommendationsProcessedEvents;

describe("outbox relay on PostgreSQL", () => {
  const t = usePostgresDatabase();
  let bus: InProcessBus;
  // Ended after each test, relays first: after-hooks run last-registered first.
  const subscriptions = endAfterEach((s: Subscription) => s.unsubscribe());
  const running = endAfterEach((relay: Relay) => relay.stop());

  async function start(options: Partial<RelayOptions> = {}) {
    bus = new InProcessBus();
    const relay = createRelay({ connection: t.connection, table: outbox, bus, ...options });
    running.push(relay);
    return relay;
  }

  /** A deduplicating consumer that records every delivery (before dedupe) and applies an effect once. */
  async function consumer(name: string) {
    const { deliveries, subscription } = await recordingConsumer(bus, {
      db: t.db,
      table: processed,
      consumer: name,
      types: "order.*",
    });
    subscriptions.push(subscription);
    return deliveries;
  }

  it("delivers a committed transaction's event once to each consumer and marks it published", async () => {
    const relay = await start();
    const [notifications, analytics] = [await consumer("notifications"), await consumer("analytics")];
    await relay.start();

    const [event] = await produce(t.db, outbox, someEvents(1));
    await eventually(() => notifications.length === 1 && analytics.length === 1);

    expect(notifications[0]).toEqual({ ...event, producer: "users" });
    expect(analytics[0]?.id).toBe(event?.id);
    const counts = await effectCounts(t.db);
    expect([counts.notifications?.[event?.id as string], counts.analytics?.[event?.id as string]]).toEqual([1, 1]);
    const [row] = await t.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, event?.id as string));
    expect(row?.publishedAt).toBeInstanceOf(Date);
  });

  it("emits nothing for a rolled-back transaction", async () => {
    const relay = await start();
    const seen = await consumer("rollback-check");
    await relay.start();

    let doomed: EventEnvelope[] = [];
    await expect(
      t.db.transaction(async (tx) => {
        doomed = await writeToOutbox(tx, outbox, someEvents(2));
        throw new Error("payment declined");
      }),
    ).rejects.toThrow("payment declined");
    // A later committed event, relayed after anything written before it, marks the point where
    // the rolled-back ones would have arrived.
    const [marker] = await produce(t.db, outbox, someEvents(1));
    await eventually(() => seen.some((e) => e.id === marker?.id));

    expect(seen.map((e) => e.id)).toEqual([marker?.id]);
    const ids = doomed.map((e) => e.id);
    expect(await t.db.select().from(outbox).where(inArray(outbox.id, ids))).toEqual([]);
  });

  /**
   * Starts a relay and waits until its start-up catch-up batch has delivered an event written
   * beforehand without a NOTIFY: whatever is delivered after that came from a later wake-up.
   */
  async function startIdle(options: Partial<RelayOptions>, name: string) {
    const [warmUp] = await produce(t.db, outbox, someEvents(1), { notify: false });
    const relay = await start(options);
    const seen = await consumer(name);
    await relay.start();
    await eventually(() => seen.some((e) => e.id === warmUp?.id));
    seen.length = 0;
    return seen;
  }

  it("wakes on NOTIFY: delivers at once although the next poll is an hour away", async () => {
    const seen = await startIdle({ pollIntervalMs: AN_HOUR }, "notify-check");

    const events = await produce(t.db, outbox, someEvents(3));
    await eventually(() => seen.length === 3);
    expect(seen.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it("still delivers by polling when no NOTIFY comes", async () => {
    const seen = await startIdle({ pollIntervalMs: 50 }, "poll-check");

    const events = await produce(t.db, outbox, someEvents(2), { notify: false });
    await eventually(() => seen.length === 2);
    expect(seen.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it("keeps retrying a batch whose handler fails, and every consumer applies it once", async () => {
    const relay = await start({ pollIntervalMs: 50, minBackoffMs: 10, onError: () => {} });
    const steady = await consumer("steady");
    const gate = deferred();
    let failures = 0;
    subscriptions.push(
      await bus.subscribe("order.*", async () => {
        if (failures < 2) {
          failures += 1;
          if (failures === 2) gate.resolve();
          throw new Error("search index unavailable");
        }
      }),
    );
    await relay.start();

    const events = await produce(t.db, outbox, someEvents(2));
    await gate.promise;
    await eventually(async () => (await unpublished(t.db, outbox)).length === 0);

    // Delivered again after each failure, yet applied once.
    expect(steady.length).toBeGreaterThan(2);
    expect((await effectCounts(t.db)).steady).toEqual(onceEach(events));
  });
});
