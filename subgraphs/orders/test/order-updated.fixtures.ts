import { tables } from "@bazaar/drizzle";
import { createRelay, type EventEnvelope, InProcessBus } from "@bazaar/events";
import { eventually, type Result, type Subscribed, subscribe, wsClient } from "@bazaar/testing";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { type OrdersHarness, type Shopper, startOrders } from "./harness";

export const ORDER_UPDATED = `subscription($id: ID!, $after: Int) {
  orderUpdated(orderId: $id, afterSequence: $after) {
    id status change { sequence type fulfillment { id } } lines { title seller { id } }
  }
}`;

/** A paid two-seller order has three timeline entries: ORDER_PLACED, PAYMENT_PROCESSING, ORDER_PAID. */
export const PAID_SEQUENCE = 3;

export interface Delivery {
  id: string;
  status: string;
  change: { sequence: number; type: string; fulfillment: { id: string } | null };
  lines: { title: string; seller: { id: string } }[];
}

/**
 * The orders subgraph with an in-process bus and a relay the test drives: changes reach
 * subscribers only when `relayAll()` publishes what has been committed, as the host's relay would.
 */
export async function startLiveOrders() {
  const bus = new InProcessBus();
  const h = await startOrders({ deps: { bus } });
  const relay = createRelay({ connection: h.testDb.connection, table: tables.outbox, bus, listen: false });
  const wsUrl = h.url.replace(/^http/, "ws");
  const clients: ReturnType<typeof wsClient>[] = [];
  const socket = (who?: Shopper) => {
    const client = wsClient(wsUrl, who?.headers);
    clients.push(client);
    return client;
  };
  return {
    h,
    bus,
    socket,
    /** This process's orderUpdated listeners. */
    feedSize: () => h.server.runtime.orderFeed.size,
    orderUpdated: (who: Shopper | undefined, id: string, after?: number) =>
      subscribe(socket(who), ORDER_UPDATED, after === undefined ? { id } : { id, after }),
    /** Publishes everything committed so far. */
    async relayAll() {
      while ((await relay.relayBatch()) > 0) {}
    },
    /** The order's outbox messages as the bus carries them, oldest first. */
    async envelopes(orderId: string): Promise<EventEnvelope[]> {
      const rows = await h.testDb.db
        .select()
        .from(tables.outbox)
        .where(eq(tables.outbox.aggregateId, orderId))
        .orderBy(asc(tables.outbox.sequence));
      return rows.map((row) => ({
        id: row.id,
        type: row.type,
        aggregateType: row.aggregateType,
        aggregateId: row.aggregateId,
        sequence: row.sequence,
        payload: row.payload,
        occurredAt: row.createdAt.toISOString(),
        producer: "orders",
      }));
    },
    async stop() {
      await Promise.all(clients.map((client) => client.dispose()));
      await h.stop();
    },
  };
}
export type LiveOrders = Awaited<ReturnType<typeof startLiveOrders>>;

export async function mutate(h: OrdersHarness, who: Shopper, mutation: string, input: Record<string, unknown>) {
  const name = mutation.split("(")[0] as string;
  const res = await h.gql<Record<string, { userErrors: { code: string }[] }>>(
    `mutation($input: ${name[0]?.toUpperCase()}${name.slice(1)}Input!) { ${mutation} { userErrors { code } } }`,
    { input },
    who.headers,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.[name]?.userErrors).toEqual([]);
}
export const ship = (h: OrdersHarness, who: Shopper, fulfillmentId: string) =>
  mutate(h, who, "markFulfillmentShipped(input: $input)", { fulfillmentId, trackingNumber: "1Z999" });
/** Refunds `amount` minor units, or everything not refunded yet. */
export const refund = (h: OrdersHarness, admin: Shopper, orderId: string, amount?: number) =>
  mutate(h, admin, "refundOrder(input: $input)", { orderId, amount: amount ?? null });

/** The next delivery, which must carry data and no errors. */
export async function delivery(updates: Subscribed): Promise<Delivery> {
  const result = await updates.next();
  expect(result.errors).toBeUndefined();
  return result.data?.orderUpdated as Delivery;
}

export async function deliveries(updates: Subscribed, n: number): Promise<Delivery[]> {
  const all: Delivery[] = [];
  for (let i = 0; i < n; i += 1) all.push(await delivery(updates));
  return all;
}

/**
 * How a refused subscription ends: its error codes and whatever data came with them. Accepts the
 * refusal as a graphql-ws `error` message or as a result carrying only errors; either way the
 * subscription must then be over.
 */
export async function refusal(updates: Subscribed): Promise<{ codes: unknown[]; data: unknown }> {
  const first: { result: Result } | { ended: { error?: unknown } } = await Promise.race([
    updates.next().then((result) => ({ result })),
    updates.ended.then((ended) => ({ ended })),
  ]);
  await updates.ended;
  if ("result" in first) {
    return { codes: (first.result.errors ?? []).map((e) => e.extensions?.code), data: first.result.data ?? null };
  }
  const errors = first.ended.error as { extensions?: { code?: unknown } }[] | undefined;
  return { codes: Array.isArray(errors) ? errors.map((e) => e.extensions?.code) : [String(errors)], data: null };
}

/** Waits until this process has `n` orderUpdated listeners (a subscription is registered once it counts). */
export const listeners = (live: LiveOrders, n: number) =>
  eventually(() => live.feedSize() === n, `${n} orderUpdated listener(s)`);
