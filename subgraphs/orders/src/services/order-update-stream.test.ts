import type { EventEnvelope } from "@bazaar/events";
import { describe, expect, it } from "vitest";
import type { OrderRow } from "../db/order.queries";
import type { OrderEvent } from "../schema/order-event.type";
import { type OrderDelivery, OrderFeed, timelineEntryOf } from "./order-feed";
import { OrderUpdateStream, type OrderUpdateStreamOptions } from "./order-update-stream";

const ORDER = "ord_stream";

/**
 * One order's timeline in memory, a feed, and the bus side: `commit(n)` writes entries up to n (as
 * the order's transactions do), `publish(...)` hands entries to the feed as a relay would, in any
 * order and any number of times.
 */
function scene(options: Partial<OrderUpdateStreamOptions> = {}) {
  const timeline: OrderEvent[] = [];
  const reads: [after: number, limit: number][] = [];
  const feed = new OrderFeed(async (id) => ({ id }) as OrderRow);
  const fulfillmentOf = new Map<number, string>();
  const envelope = (sequence: number): EventEnvelope => ({
    id: `evt_${sequence}`,
    type: "order.partially_refunded",
    aggregateType: "Order",
    aggregateId: ORDER,
    sequence,
    occurredAt: new Date(0).toISOString(),
    producer: "orders",
    payload: {
      timelineType: "ORDER_PARTIALLY_REFUNDED",
      fromStatus: "PAID",
      toStatus: "PARTIALLY_REFUNDED",
      fulfillmentId: fulfillmentOf.get(sequence) ?? null,
      actor: { type: "ADMIN", id: "usr_admin" },
    },
  });
  const commit = (upTo: number, fulfillmentId?: string) => {
    for (let s = timeline.length + 1; s <= upTo; s += 1) {
      if (fulfillmentId) fulfillmentOf.set(s, fulfillmentId);
      timeline.push(timelineEntryOf(envelope(s)) as OrderEvent);
    }
  };
  const stream = new OrderUpdateStream({
    feed,
    orderId: ORDER,
    readAfter: async (after, limit) => {
      reads.push([after, limit]);
      const order = async () => ({ id: ORDER }) as OrderRow;
      return timeline
        .filter((e) => e.sequence > after)
        .slice(0, limit)
        .map((entry) => ({ entry, order }));
    },
    ...options,
  });
  const publish = (...sequences: number[]) => {
    for (const s of sequences) feed.dispatch(envelope(s));
  };
  /** The next `n` deliveries' sequences. */
  const take = async (n: number) => {
    const got: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const result = await stream.next();
      if (result.done) throw new Error("stream ended");
      got.push((result.value as OrderDelivery).entry.sequence);
    }
    return got;
  };
  /** Whether a delivery is ready without anything else happening. */
  const idle = async () => {
    const marker = Symbol("idle");
    const next = stream.next();
    const first = await Promise.race([next, new Promise((resolve) => setImmediate(() => resolve(marker)))]);
    return { idle: first === marker, next };
  };
  return { feed, stream, commit, publish, take, idle, reads };
}

describe("OrderUpdateStream", () => {
  it("delivers live entries that arrive out of order exactly once, in sequence order", async () => {
    const s = scene();
    s.commit(2);
    s.stream.start({ after: 2, replay: false });
    s.commit(6);
    s.publish(4, 3, 6, 5, 3, 4);
    expect(await s.take(4)).toEqual([3, 4, 5, 6]);
    s.commit(7);
    s.publish(6, 7, 7);
    expect(await s.take(1)).toEqual([7]);
    expect((await s.idle()).idle).toBe(true);
  });

  it("reads the entries a live one skipped from the timeline before delivering it", async () => {
    const s = scene();
    s.commit(3);
    s.stream.start({ after: 3, replay: false });
    // 4 and 5 were published before this stream listened (or by a slower relay): only 6 arrives.
    s.commit(6);
    s.publish(6);
    expect(await s.take(3)).toEqual([4, 5, 6]);
    expect(s.reads).toEqual([[3, 100]]);
    s.publish(4, 5);
    expect((await s.idle()).idle).toBe(true);
  });

  it("replays the timeline after afterSequence page by page, then goes live, without duplicates", async () => {
    const s = scene({ pageSize: 10 });
    s.commit(30);
    s.stream.start({ after: 5, replay: true });
    const first = await s.take(12);
    // Live entries arriving during the replay: some it will read anyway, some beyond it.
    s.commit(33);
    s.publish(20, 31, 32, 33);
    const rest = await s.take(33 - 17);
    expect([...first, ...rest]).toEqual(Array.from({ length: 28 }, (_, i) => 6 + i));
    expect(s.reads.map(([after]) => after)).toEqual([5, 15, 25]);
    s.commit(34);
    s.publish(34);
    expect(await s.take(1)).toEqual([34]);
  });

  it("waits for live entries after a replay that found nothing new", async () => {
    const s = scene();
    s.commit(4);
    s.stream.start({ after: 4, replay: true });
    const { idle, next } = await s.idle();
    expect(idle).toBe(true);
    s.commit(5);
    s.publish(5);
    expect(((await next).value as OrderDelivery).entry.sequence).toBe(5);
  });

  it("skips the entries a subscriber may not see but still counts them as delivered", async () => {
    const s = scene();
    s.commit(1);
    s.commit(2, "ful_mine");
    s.commit(3, "ful_theirs");
    s.commit(4);
    s.stream.start({
      after: 0,
      replay: true,
      keep: (entry) => entry.fulfillmentId === null || entry.fulfillmentId === "ful_mine",
    });
    expect(await s.take(3)).toEqual([1, 2, 4]);
    s.commit(5, "ful_theirs");
    s.commit(6);
    s.publish(5, 6);
    expect(await s.take(1)).toEqual([6]);
    expect(s.reads).toHaveLength(1);
  });

  it("drops a slow subscriber's overflowing queue and reads it back from the timeline", async () => {
    const s = scene({ maxQueued: 3 });
    s.stream.start({ after: 0, replay: false });
    s.commit(10);
    s.publish(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(await s.take(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await s.idle()).idle).toBe(true);
  });

  it("ends a waiting next() on return() and stops listening", async () => {
    const s = scene();
    s.stream.start({ after: 0, replay: false });
    expect(s.feed.size).toBe(1);
    const waiting = s.stream.next();
    await s.stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(s.feed.size).toBe(0);
    s.publish(1);
    expect(await s.stream.next()).toEqual({ value: undefined, done: true });
  });

  it("ends with the error, and stops listening, when the timeline cannot be read", async () => {
    const feed = new OrderFeed(async () => undefined);
    const stream = new OrderUpdateStream({
      feed,
      orderId: ORDER,
      readAfter: async () => {
        throw new Error("database unavailable");
      },
    }).start({ after: 0, replay: true });
    await expect(stream.next()).rejects.toThrow("database unavailable");
    expect(feed.size).toBe(0);
  });
});
