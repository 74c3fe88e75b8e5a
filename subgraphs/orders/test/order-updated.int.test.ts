import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, twoSellerOrder } from "./order-flow.fixtures";
import {
  type Delivery,
  deliveries,
  delivery,
  type LiveOrders,
  listeners,
  PAID_SEQUENCE,
  refund,
  refusal,
  ship,
  startLiveOrders,
} from "./order-updated.fixtures";

let live: LiveOrders;
let actors: Awaited<ReturnType<typeof cast>>;

beforeAll(async () => {
  live = await startLiveOrders();
  actors = await cast(live.h);
});
afterAll(() => live?.stop());

const summary = (d: Delivery) => [d.change.sequence, d.change.type, d.status];

describe("orderUpdated", () => {
  it("delivers a fulfillment shipped and a status change to the customer, with the entry, the status and the lines", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const updates = live.orderUpdated(customer, orderId, PAID_SEQUENCE);
    await listeners(live, 1);

    await ship(live.h, actors.sellerA, fulfillments.a);
    await refund(live.h, actors.admin, orderId, 100);
    await live.relayAll();

    const [shipped, refunded] = await deliveries(updates, 2);
    expect(shipped).toMatchObject({
      id: orderId,
      change: { sequence: 4, type: "FULFILLMENT_SHIPPED", fulfillment: { id: fulfillments.a } },
    });
    // Every field but `change` shows the order as it is now.
    expect(refunded).toMatchObject({
      id: orderId,
      status: "PARTIALLY_REFUNDED",
      change: { sequence: 5, type: "ORDER_PARTIALLY_REFUNDED", fulfillment: null },
    });
    expect(refunded?.lines.map((line) => line.seller.id).sort()).toEqual(["sel_a", "sel_b"]);
    updates.dispose();
    await listeners(live, 0);
  });

  it("without afterSequence delivers only the changes made after subscribing", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const updates = live.orderUpdated(customer, orderId);
    await listeners(live, 1);
    await ship(live.h, actors.admin, fulfillments.b);
    await live.relayAll();
    expect(summary(await delivery(updates))).toEqual([4, "FULFILLMENT_SHIPPED", "PAID"]);
    updates.dispose();
    await listeners(live, 0);
  });

  it("refuses another customer's order with FORBIDDEN and no data", async () => {
    const { orderId } = await twoSellerOrder(live.h);
    expect(await refusal(live.orderUpdated(actors.stranger, orderId, 0))).toEqual({ codes: ["FORBIDDEN"], data: null });
    expect(live.feedSize()).toBe(0);
  });

  it("refuses an anonymous subscriber with UNAUTHENTICATED", async () => {
    const { orderId } = await twoSellerOrder(live.h);
    expect(await refusal(live.orderUpdated(undefined, orderId, 0))).toEqual({ codes: ["UNAUTHENTICATED"], data: null });
  });

  it("refuses an unknown order with FORBIDDEN, exactly like someone else's, so ids are not revealed", async () => {
    for (const id of ["ord_does_not_exist", "not an id"]) {
      expect(await refusal(live.orderUpdated(actors.stranger, id, 0))).toEqual({ codes: ["FORBIDDEN"], data: null });
    }
    expect(live.feedSize()).toBe(0);
  });

  it("refuses a seller of the order until it is paid", async () => {
    const { orderId } = await twoSellerOrder(live.h, { pay: false });
    expect(await refusal(live.orderUpdated(actors.sellerA, orderId, 0))).toEqual({ codes: ["FORBIDDEN"], data: null });
  });

  it("gives each seller order-level entries and their own fulfillment's, never another seller's, and only their lines", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const forA = live.orderUpdated(actors.sellerA, orderId, PAID_SEQUENCE);
    const forB = live.orderUpdated(actors.sellerB, orderId, PAID_SEQUENCE);
    const forCustomer = live.orderUpdated(customer, orderId, PAID_SEQUENCE);
    const forAdmin = live.orderUpdated(actors.admin, orderId, PAID_SEQUENCE);
    await listeners(live, 4);

    await ship(live.h, actors.sellerB, fulfillments.b); // 4
    await ship(live.h, actors.sellerA, fulfillments.a); // 5
    await refund(live.h, actors.admin, orderId); // 6: everything, REFUNDED
    await live.relayAll();

    const a = await deliveries(forA, 2);
    expect(a.map(summary)).toEqual([
      [5, "FULFILLMENT_SHIPPED", "REFUNDED"],
      [6, "ORDER_REFUNDED", "REFUNDED"],
    ]);
    expect(new Set(a.flatMap((d) => d.lines.map((line) => line.seller.id)))).toEqual(new Set(["sel_a"]));
    expect((await deliveries(forB, 2)).map((d) => d.change.sequence)).toEqual([4, 6]);
    expect((await deliveries(forCustomer, 3)).map((d) => d.change.sequence)).toEqual([4, 5, 6]);
    expect((await deliveries(forAdmin, 3)).map((d) => d.change.sequence)).toEqual([4, 5, 6]);

    for (const updates of [forA, forB, forCustomer, forAdmin]) updates.dispose();
    await listeners(live, 0);
  });
});
