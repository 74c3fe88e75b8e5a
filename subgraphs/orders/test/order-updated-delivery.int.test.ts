import { tables } from "@bazaar/drizzle";
import { subscribe } from "@bazaar/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockOrder } from "../src/db/order-write.queries";
import { transition } from "../src/services/order-transition";
import { cast, twoSellerOrder } from "./order-flow.fixtures";
import {
  deliveries,
  delivery,
  type LiveOrders,
  listeners,
  PAID_SEQUENCE,
  refund,
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

const sequences = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("orderUpdated with afterSequence", () => {
  it("replays the 20 changes a reconnecting client missed, in order, then live ones, without duplicates", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const first = live.orderUpdated(customer, orderId, PAID_SEQUENCE);
    await listeners(live, 1);
    await refund(live.h, actors.admin, orderId, 1);
    await live.relayAll();
    const seen = (await delivery(first)).change.sequence;
    expect(seen).toBe(4);
    first.dispose();
    await listeners(live, 0);

    // Offline: 20 changes are made and published with nobody listening.
    for (let i = 0; i < 20; i += 1) await refund(live.h, actors.admin, orderId, 1);
    await live.relayAll();

    const resumed = live.orderUpdated(customer, orderId, seen);
    const replayed = await deliveries(resumed, 20);
    expect(replayed.map((d) => d.change.sequence)).toEqual(sequences(5, 20));
    expect(new Set(replayed.map((d) => d.change.type))).toEqual(new Set(["ORDER_PARTIALLY_REFUNDED"]));

    // The bus delivers at least once: the replayed entries coming again are not delivered twice.
    await live.bus.publish(await live.envelopes(orderId));
    await ship(live.h, actors.sellerA, fulfillments.a);
    await live.relayAll();
    expect((await delivery(resumed)).change).toMatchObject({ sequence: 25, type: "FULFILLMENT_SHIPPED" });
    resumed.dispose();
    await listeners(live, 0);
  });

  it("delivers every sequence exactly once and in order when the bus delivers late, twice and out of order", async () => {
    const { customer, orderId } = await twoSellerOrder(live.h);
    await live.relayAll();
    const updates = live.orderUpdated(customer, orderId, PAID_SEQUENCE);
    await listeners(live, 1);
    for (let i = 0; i < 5; i += 1) await refund(live.h, actors.admin, orderId, 1);
    // Published straight onto the bus, as competing relays might: 6 first, then 4 twice, 8, 5, 7.
    const bySequence = new Map((await live.envelopes(orderId)).map((e) => [e.sequence, e]));
    const at = (...s: number[]) => s.map((n) => bySequence.get(n) as NonNullable<ReturnType<typeof bySequence.get>>);
    await live.bus.publish(at(6, 4, 4, 8, 5, 7));
    expect((await deliveries(updates, 5)).map((d) => d.change.sequence)).toEqual(sequences(4, 5));

    await live.relayAll();
    await refund(live.h, actors.admin, orderId, 1);
    await live.relayAll();
    expect((await delivery(updates)).change.sequence).toBe(9);
    updates.dispose();
    await listeners(live, 0);
  });
});

describe("orderUpdated and transactions", () => {
  it("announces nothing for a rolled-back change: the next delivery is the next committed entry", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const updates = live.orderUpdated(customer, orderId, PAID_SEQUENCE);
    await listeners(live, 1);
    const outboxBefore = (await live.envelopes(orderId)).length;

    await expect(
      live.h.db.transaction(async (tx) => {
        const order = await lockOrder(tx, orderId);
        if (!order) throw new Error("no order");
        await transition(tx, order, {}, { type: "FULFILLMENT_SHIPPED", actor: { type: "ADMIN", id: null } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await live.envelopes(orderId)).length).toBe(outboxBefore);

    await ship(live.h, actors.sellerB, fulfillments.b);
    await live.relayAll();
    expect((await delivery(updates)).change).toMatchObject({
      sequence: 4,
      type: "FULFILLMENT_SHIPPED",
      fulfillment: { id: fulfillments.b },
    });
    updates.dispose();
    await listeners(live, 0);
  });
});

const WITH_ADDRESS = `subscription($id: ID!, $after: Int) {
  orderUpdated(orderId: $id, afterSequence: $after) { status change { sequence } shippingAddress { city } lines { title } }
}`;

describe("the orderUpdated registry", () => {
  it("is empty again after repeated subscribe/unsubscribe cycles, by unsubscribing or by closing the socket", async () => {
    const { customer, orderId } = await twoSellerOrder(live.h);
    for (let i = 0; i < 10; i += 1) {
      const socket = live.socket(customer);
      const updates = subscribe(socket, "subscription($id: ID!) { orderUpdated(orderId: $id) { id } }", {
        id: orderId,
      });
      const other = subscribe(socket, "subscription($id: ID!) { orderUpdated(orderId: $id) { id } }", { id: orderId });
      await listeners(live, 2);
      updates.dispose();
      await listeners(live, 1);
      await socket.dispose();
      await listeners(live, 0);
      expect(other).toBeDefined();
    }
  });

  it("reads the order once per event however many subscribers it has in the process", async () => {
    const { customer, orderId, fulfillments } = await twoSellerOrder(live.h);
    await live.relayAll();
    const orderReads = () => live.h.statements.statements.filter((s) => /from "orders"."orders"/.test(s)).length;
    const readsFor = async (subscribers: number, fulfillmentId: string, sequence: number) => {
      const all = Array.from({ length: subscribers }, () =>
        subscribe(live.socket(customer), WITH_ADDRESS, { id: orderId, after: sequence - 1 }),
      );
      await listeners(live, subscribers);
      await ship(live.h, actors.admin, fulfillmentId);
      live.h.statements.reset();
      await live.relayAll();
      for (const updates of all) {
        const result = await updates.next();
        expect(result.errors).toBeUndefined();
        expect(result.data?.orderUpdated).toMatchObject({ change: { sequence }, shippingAddress: { city: "Berlin" } });
      }
      const reads = orderReads();
      for (const updates of all) updates.dispose();
      await listeners(live, 0);
      return reads;
    };
    // shippingAddress reads the order row through the delivery's loader, which the shared read primed.
    expect(await readsFor(1, fulfillments.a, 4)).toBe(1);
    expect(await readsFor(8, fulfillments.b, 5)).toBe(1);
  });
});

describe("the orders outbox", () => {
  it("names the order's sellers in every message and the fulfillment's seller in fulfillment entries", async () => {
    const paid = await twoSellerOrder(live.h);
    await ship(live.h, actors.sellerB, paid.fulfillments.b);
    const unpaid = await twoSellerOrder(live.h, { pay: false });
    await live.h.gql(
      "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { userErrors { code } } }",
      { input: { orderId: unpaid.orderId } },
      unpaid.customer.headers,
    );
    const payloads = async (orderId: string) =>
      (
        await live.h.testDb.db
          .select()
          .from(tables.outbox)
          .where(eq(tables.outbox.aggregateId, orderId))
          .orderBy(asc(tables.outbox.sequence))
      ).map((row) => [row.type, row.payload.sellerIds, row.payload.fulfillmentSellerId]);
    const both = ["sel_a", "sel_b"];
    expect(await payloads(paid.orderId)).toEqual([
      ["order.placed", both, null],
      ["order.payment_processing", both, null],
      ["order.paid", both, null],
      ["order.shipped", both, "sel_b"],
    ]);
    expect(await payloads(unpaid.orderId)).toEqual([
      ["order.placed", both, null],
      ["order.cancelled", both, null],
    ]);
  });
});
