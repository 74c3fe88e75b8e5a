import { type Result, type Subscribed, subscribe, wsClient } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededStack, startSeededStack } from "./seeded-stack";
import { type AuthHeaders, call, DEMO_ACCOUNTS, type PaidOrder, placePaidOrder, signIn } from "./shopper";

// The live graph through the real router: graphql-ws from the client to the router, from the
// router to orders and users, events from the outboxes through the relays and the bus.
let seeded: SeededStack;
let wsUrl: string;
const [customerAccount, , adminAccount] = DEMO_ACCOUNTS;
let customer: { headers: AuthHeaders; token: string };
let admin: { headers: AuthHeaders; token: string };
type Client = ReturnType<typeof wsClient>;
const sockets: Client[] = [];

beforeAll(async () => {
  seeded = await startSeededStack();
  wsUrl = seeded.stack.routerUrl.replace(/^http/, "ws");
  customer = await signIn(seeded.gql, customerAccount);
  admin = await signIn(seeded.gql, adminAccount);
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await seeded?.stop();
});

const socketFor = (token: string): Client => {
  const client = wsClient(wsUrl, { authorization: `Bearer ${token}` });
  sockets.push(client);
  return client;
};

const ORDER_UPDATED = `subscription($id: ID!, $after: Int) {
  orderUpdated(orderId: $id, afterSequence: $after) {
    id status change { sequence type }
    lines { product { title seller { name } } }
  }
}`;

interface Delivery {
  id: string;
  status: string;
  change: { sequence: number; type: string };
  lines: { product: { title: string; seller: { name: string } } }[];
}
const delivery = (result: Result) => {
  expect(result.errors).toBeUndefined();
  return result.data?.orderUpdated as Delivery;
};

const shipFulfillment = (order: PaidOrder, index: number) =>
  call<{ markFulfillmentShipped: { userErrors: unknown[] } }>(
    seeded.gql,
    `mutation($id: ID!) { markFulfillmentShipped(input: { fulfillmentId: $id, trackingNumber: "1Z-E2E" }) { userErrors { code } } }`,
    { id: order.fulfillments[index]?.id },
    admin.headers,
  );

const refundOneCent = (order: PaidOrder) =>
  call<{ refundOrder: { userErrors: unknown[] } }>(
    seeded.gql,
    `mutation($id: ID!) { refundOrder(input: { orderId: $id, amount: 1, reason: "goodwill" }) { userErrors { code } } }`,
    { id: order.id },
    admin.headers,
  );

describe("orderUpdated through the router", () => {
  it("delivers a shipped fulfillment to the customer with fields from orders, catalog and sellers", async () => {
    const order = await placePaidOrder(seeded.gql, customer.headers);
    const after = await lastSequence(order);
    const updates = subscribe(socketFor(customer.token), ORDER_UPDATED, { id: order.id, after });
    await shipFulfillment(order, 0);
    const shipped = delivery(await updates.next());
    expect(shipped).toMatchObject({ id: order.id, change: { sequence: after + 1, type: "FULFILLMENT_SHIPPED" } });
    expect(shipped.lines.length).toBeGreaterThan(0);
    for (const line of shipped.lines) {
      expect(line.product.title).toEqual(expect.any(String));
      expect(line.product.seller.name).toEqual(expect.any(String));
    }
    updates.dispose();
  });

  it("refuses another customer's subscription with FORBIDDEN and no data", async () => {
    const order = await placePaidOrder(seeded.gql, customer.headers);
    const stranger = await call<{ register: { accessToken: string } }>(
      seeded.gql,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: `stranger-${Date.now()}@example.com`, password: "stranger-password-2026", name: "Stranger" } },
    );
    const updates = subscribe(socketFor(stranger.register.accessToken), ORDER_UPDATED, { id: order.id });
    const first = await Promise.race([updates.next(), updates.ended.then((ended) => ({ ended }))]);
    const errors = "ended" in first ? (first.ended.error as { message: string; extensions?: { code?: string } }[]) : first.errors;
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect("ended" in first ? undefined : first.data?.orderUpdated).toBeUndefined();
  });

  it("replays the 20 changes a reconnecting client missed, in order, without duplicates, then goes live", async () => {
    const order = await placePaidOrder(seeded.gql, customer.headers);
    const before = subscribe(socketFor(customer.token), ORDER_UPDATED, { id: order.id, after: await lastSequence(order) });
    await refundOneCent(order);
    const seen = delivery(await before.next()).change.sequence;
    before.dispose();

    // Offline: 20 partial refunds, each a timeline entry.
    for (let i = 0; i < 20; i += 1) await refundOneCent(order);

    const after = subscribe(socketFor(customer.token), ORDER_UPDATED, { id: order.id, after: seen });
    const replayed: Delivery[] = [];
    for (let i = 0; i < 20; i += 1) replayed.push(delivery(await after.next()));
    expect(replayed.map((d) => d.change.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => seen + 1 + i));
    expect(new Set(replayed.map((d) => d.change.type))).toEqual(new Set(["ORDER_PARTIALLY_REFUNDED"]));

    await shipFulfillment(order, 0);
    const live = delivery(await after.next());
    expect(live.change).toEqual({ sequence: seen + 21, type: "FULFILLMENT_SHIPPED" });
    after.dispose();
  });
});

describe("notifications through the router", () => {
  it("pushes the customer's 'shipped' notification over notificationAdded and lists it in me.notifications", async () => {
    const order = await placePaidOrder(seeded.gql, customer.headers);
    const added = subscribe(
      socketFor(customer.token),
      `subscription { notificationAdded { id kind title link readAt } }`,
    );
    type Notice = { id: string; kind: string; link: string; readAt: null };
    // Partial refunds notify the customer; once any notification arrives the subscription is live
    // (it may be this order's "paid" notice, which the consumer creates asynchronously).
    const live = (await firstWhileRepeating(added, () => refundOneCent(order))).data?.notificationAdded as Notice;
    expect(["ORDER_PAID", "ORDER_REFUNDED"]).toContain(live.kind);
    await shipFulfillment(order, 0);
    let notification: Notice | undefined;
    while (!notification) {
      const next = (await added.next()).data?.notificationAdded as Notice | undefined;
      if (next?.kind === "ORDER_SHIPPED" && next.link.includes(order.id)) notification = next;
    }
    expect(notification.readAt).toBeNull();
    added.dispose();

    const listed = await call<{ me: { unreadNotificationCount: number; notifications: { edges: { node: { id: string; kind: string } }[] } } }>(
      seeded.gql,
      `{ me { unreadNotificationCount notifications(first: 20) { edges { node { id kind } } } } }`,
      {},
      customer.headers,
    );
    const kinds = listed.me.notifications.edges.map((edge) => edge.node);
    expect(kinds).toContainEqual({ id: notification.id, kind: "ORDER_SHIPPED" });
    expect(kinds.some((n) => n.kind === "ORDER_PAID")).toBe(true);
    expect(listed.me.unreadNotificationCount).toBeGreaterThanOrEqual(2);
  });
});

/** The order's latest timeline sequence: subscribing after it misses nothing, whenever the subscription goes live. */
async function lastSequence(order: PaidOrder): Promise<number> {
  const data = await call<{ order: { events: { sequence: number }[] } }>(
    seeded.gql,
    `query($id: ID!) { order(id: $id) { events { sequence } } }`,
    { id: order.id },
    customer.headers,
  );
  return Math.max(...data.order.events.map((event) => event.sequence));
}

/**
 * notificationAdded has no replay and graphql-ws says nothing when a subscription is registered
 * upstream, so the test repeats a change that notifies until the first notification arrives. A
 * bounded retry, not a timing assertion.
 */
async function firstWhileRepeating(updates: Subscribed, act: () => Promise<unknown>, attempts = 15): Promise<Result> {
  const first = updates.next();
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await act();
    const arrived = await Promise.race([first, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000))]);
    if (arrived) return arrived;
  }
  throw new Error(`nothing arrived after ${attempts} changes`);
}
