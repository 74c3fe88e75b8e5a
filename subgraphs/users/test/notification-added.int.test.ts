import { tables } from "@bazaar/drizzle";
import { createRelay, InProcessBus, type Relay } from "@bazaar/events";
import { SubscriptionParam } from "@bazaar/subgraph-kit";
import { eventually, subscribe, wsClient } from "@bazaar/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bearer, signedInAs, startUsers, type UsersHarness } from "./fixtures";
import { envelope, orderPayload } from "./notification.fixtures";

let h: UsersHarness;
let relay: Relay;
let wsUrl: string;
type Client = ReturnType<typeof wsClient>;

const bus = new InProcessBus();
const clients: Client[] = [];

const NOTIFICATION_ADDED = "subscription { notificationAdded { id kind title link readAt } }";

beforeAll(async () => {
  h = await startUsers({ bus });
  relay = createRelay({ connection: h.testDb.connection, table: tables.usersOutbox, bus });
  wsUrl = h.url.replace(/^http/, "ws");
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  // Every test starts with nobody subscribed.
  await eventually(() => h.notificationRegistry.size === 0, "every subscription forgotten");
});

afterAll(async () => {
  await h?.stop();
  await bus.close();
});

/** A graphql-ws client as the router opens one, carrying the user's bearer token (or none). */
function client(accessToken?: string): Client {
  const ws = wsClient(wsUrl, { [SubscriptionParam.authorization]: bearer(accessToken).authorization });
  clients.push(ws);
  return ws;
}

/** An order of `customerId` gets paid; the consumer writes the notification, the relay announces it. */
async function orderPaidFor(customerId: string) {
  const paid = envelope("order.paid", orderPayload(customerId, []));
  await bus.publish([paid]);
  await relay.relayBatch();
  return paid;
}

describe("Subscription.notificationAdded", () => {
  it("delivers a user's own new notifications, and never another user's", async () => {
    const alice = await signedInAs(h, "live-alice@example.test");
    const bob = await signedInAs(h, "live-bob@example.test");
    const aliceFeed = subscribe(client(alice.accessToken), NOTIFICATION_ADDED);
    const bobFeed = subscribe(client(bob.accessToken), NOTIFICATION_ADDED);
    await eventually(() => h.notificationRegistry.size === 2, "both subscriptions registered");

    const forAlice = await orderPaidFor(alice.user.id);
    const aliceGot = await aliceFeed.next();
    expect(aliceGot.errors).toBeUndefined();
    expect(aliceGot.data?.notificationAdded).toMatchObject({
      kind: "ORDER_PAID",
      title: `Order ${forAlice.payload.number} is confirmed`,
      link: `/orders/${forAlice.payload.orderId}`,
      readAt: null,
    });

    // Events reach subscribers in order: had Bob been sent Alice's notification, it would come first.
    const forBob = await orderPaidFor(bob.user.id);
    const bobGot = await bobFeed.next();
    expect(bobGot.data?.notificationAdded).toMatchObject({ title: `Order ${forBob.payload.number} is confirmed` });
    aliceFeed.dispose();
    bobFeed.dispose();
  });

  it("delivers to every open subscription of the user, each notification once", async () => {
    const carol = await signedInAs(h, "live-carol@example.test");
    const phone = subscribe(client(carol.accessToken), NOTIFICATION_ADDED);
    const laptop = subscribe(client(carol.accessToken), NOTIFICATION_ADDED);
    await eventually(() => h.notificationRegistry.size === 2, "both subscriptions registered");
    const first = await orderPaidFor(carol.user.id);
    // A relay publishing the same outbox row again (at least once delivery) shows nothing new.
    await bus.publish([
      {
        ...envelope("notification.added", {}),
        ...(await lastNotificationAdded(carol.user.id)),
      },
    ]);
    const second = await orderPaidFor(carol.user.id);
    for (const feed of [phone, laptop]) {
      expect((await feed.next()).data?.notificationAdded).toMatchObject({
        title: `Order ${first.payload.number} is confirmed`,
      });
      expect((await feed.next()).data?.notificationAdded).toMatchObject({
        title: `Order ${second.payload.number} is confirmed`,
      });
      feed.dispose();
    }
  });

  it("refuses an anonymous subscriber with UNAUTHENTICATED before anything is delivered", async () => {
    const anonymous = subscribe(client(), NOTIFICATION_ADDED);
    // graphql-ws answers a refused subscribe with one result carrying the error, then completes.
    const refused = await anonymous.next();
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(await anonymous.ended).toEqual({});
    expect(h.notificationRegistry.size).toBe(0);
  });

  it("forgets subscribers that leave: the registry is back to zero after subscribe/unsubscribe cycles", async () => {
    const dave = await signedInAs(h, "live-dave@example.test");
    const ws = client(dave.accessToken);
    for (let cycle = 0; cycle < 5; cycle += 1) {
      const feeds = [subscribe(ws, NOTIFICATION_ADDED), subscribe(ws, NOTIFICATION_ADDED)];
      await eventually(() => h.notificationRegistry.size === 2, `cycle ${cycle}: subscriptions registered`);
      for (const feed of feeds) feed.dispose();
      await eventually(() => h.notificationRegistry.size === 0, `cycle ${cycle}: subscriptions forgotten`);
    }
    // A socket that goes away without completing its subscriptions leaves nothing behind either.
    const dropped = client(dave.accessToken);
    subscribe(dropped, NOTIFICATION_ADDED);
    await eventually(() => h.notificationRegistry.size === 1, "subscription registered");
    await dropped.dispose();
    await eventually(() => h.notificationRegistry.size === 0, "closed socket's subscription forgotten");
  });
});

/** The id and payload of the user's latest notification.added outbox row, as the relay published it. */
async function lastNotificationAdded(userId: string) {
  const rows = await h.testDb.db.select().from(tables.usersOutbox);
  const row = rows.filter((r) => r.type === "notification.added" && r.payload.userId === userId).at(-1);
  if (!row) throw new Error("no notification.added for the user");
  return { id: row.id, aggregateType: row.aggregateType, aggregateId: row.aggregateId, payload: row.payload };
}
