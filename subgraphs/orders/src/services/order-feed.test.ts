import { type EventEnvelope, InProcessBus } from "@bazaar/events";
import { describe, expect, it } from "vitest";
import type { OrderRow } from "../db/order.queries";
import { type OrderDelivery, OrderFeed, timelineEntryOf } from "./order-feed";

function orderEnvelope(orderId: string, sequence: number, extra: Record<string, unknown> = {}): EventEnvelope {
  return {
    id: `evt_${orderId}_${sequence}`,
    type: "order.shipped",
    aggregateType: "Order",
    aggregateId: orderId,
    sequence,
    occurredAt: "2026-11-02T10:00:00.000Z",
    producer: "orders",
    payload: {
      orderId,
      sequence,
      timelineType: "FULFILLMENT_SHIPPED",
      fromStatus: "PAID",
      toStatus: "PAID",
      fulfillmentId: "ful_1",
      actor: { type: "SELLER", id: "usr_seller" },
      ...extra,
    },
  };
}

/** A feed whose order reads are counted, and a recorder of what each listener got. */
function countingFeed() {
  const reads: string[] = [];
  const feed = new OrderFeed(async (orderId) => {
    reads.push(orderId);
    return { id: orderId } as OrderRow;
  });
  const received = (orderId: string) => {
    const got: OrderDelivery[] = [];
    const unlisten = feed.listen(orderId, (delivery) => got.push(delivery));
    return { got, unlisten };
  };
  return { feed, reads, received };
}

describe("OrderFeed", () => {
  it("hands an event only to the listeners of its order", () => {
    const { feed, received } = countingFeed();
    const a1 = received("ord_a");
    const a2 = received("ord_a");
    const b = received("ord_b");
    feed.dispatch(orderEnvelope("ord_a", 7));
    expect(a1.got.map((d) => d.entry.sequence)).toEqual([7]);
    expect(a2.got.map((d) => d.entry.sequence)).toEqual([7]);
    expect(b.got).toEqual([]);
  });

  it("reads the order once per event, however many listeners use it, and not at all if none does", async () => {
    const { feed, reads, received } = countingFeed();
    const listeners = Array.from({ length: 50 }, () => received("ord_a"));
    feed.dispatch(orderEnvelope("ord_a", 1));
    feed.dispatch(orderEnvelope("ord_nobody_listens_to", 1));
    expect(reads).toEqual([]);
    const rows = await Promise.all(listeners.map((l) => l.got[0]?.order()));
    expect(reads).toEqual(["ord_a"]);
    expect(new Set(rows).size).toBe(1);
    feed.dispatch(orderEnvelope("ord_a", 2));
    await listeners[0]?.got[1]?.order();
    expect(reads).toEqual(["ord_a", "ord_a"]);
  });

  it("reads again after a failed read instead of failing every listener", async () => {
    let attempts = 0;
    const feed = new OrderFeed(async (orderId) => {
      attempts += 1;
      if (attempts === 1) throw new Error("connection reset");
      return { id: orderId } as OrderRow;
    });
    const got: OrderDelivery[] = [];
    feed.listen("ord_a", (delivery) => got.push(delivery));
    feed.dispatch(orderEnvelope("ord_a", 1));
    await expect(got[0]?.order()).rejects.toThrow("connection reset");
    await expect(got[0]?.order()).resolves.toEqual({ id: "ord_a" });
  });

  it("builds the timeline entry from the outbox payload", () => {
    expect(timelineEntryOf(orderEnvelope("ord_a", 3))).toEqual({
      sequence: 3,
      type: "FULFILLMENT_SHIPPED",
      fromStatus: "PAID",
      toStatus: "PAID",
      actor: { type: "SELLER", id: "usr_seller" },
      occurredAt: new Date("2026-11-02T10:00:00.000Z"),
      fulfillmentId: "ful_1",
    });
  });

  it("ignores events that are not order timeline entries", () => {
    const { feed, received } = countingFeed();
    const a = received("ord_a");
    feed.dispatch({ ...orderEnvelope("ord_a", 1), aggregateType: "Seller" });
    feed.dispatch({ ...orderEnvelope("ord_a", 1), sequence: null });
    feed.dispatch(orderEnvelope("ord_a", 1, { timelineType: undefined }));
    expect(a.got).toEqual([]);
  });

  it("listens to the bus through one subscription until it is unsubscribed", async () => {
    const { feed, received } = countingFeed();
    const bus = new InProcessBus();
    const a = received("ord_a");
    const subscription = await feed.attach(bus);
    await bus.publish([orderEnvelope("ord_a", 1), { ...orderEnvelope("ord_a", 2), type: "seller.approved" }]);
    expect(a.got.map((d) => d.entry.sequence)).toEqual([1]);
    await subscription.unsubscribe();
    await bus.publish([orderEnvelope("ord_a", 3)]);
    expect(a.got.map((d) => d.entry.sequence)).toEqual([1]);
  });
});
