import { type Database, tables } from "@bazaar/drizzle";
import { type EventEnvelope, newEventId } from "@bazaar/events";
import { newId } from "@bazaar/subgraph-kit";
import { asc, eq } from "drizzle-orm";

/** An event as a relay would put it on the bus. */
export function envelope(type: string, payload: Record<string, unknown>, producer = "test"): EventEnvelope {
  return {
    id: newEventId(),
    type,
    aggregateType: type.split(".")[0] ?? "Test",
    aggregateId: String(payload.orderId ?? payload.sellerId ?? payload.productId ?? "agg"),
    sequence: null,
    payload,
    occurredAt: new Date().toISOString(),
    producer,
  };
}

/** An orders outbox payload (notes/EVENTS.md) for `customerId`'s order from `sellerIds`. */
export function orderPayload(customerId: string, sellerIds: string[], overrides: Record<string, unknown> = {}) {
  const orderId = newId("ord");
  return {
    orderId,
    number: `BZ-${orderId.slice(-4)}`,
    sequence: 2,
    timelineType: "ORDER_PAID",
    fromStatus: "PENDING_PAYMENT",
    toStatus: "PAID",
    fulfillmentId: null,
    actor: { type: "SYSTEM", id: null },
    customerId,
    total: 2599,
    refundedTotal: 0,
    currency: "USD",
    data: {},
    sellerIds,
    fulfillmentSellerId: null,
    ...overrides,
  };
}

export const notificationsOf = (db: Database, userId: string) =>
  db
    .select()
    .from(tables.notifications)
    .where(eq(tables.notifications.userId, userId))
    .orderBy(asc(tables.notifications.createdAt), asc(tables.notifications.id));

export const allNotifications = (db: Database) => db.select().from(tables.notifications);

export const notificationEvents = (db: Database) =>
  db.select().from(tables.usersOutbox).where(eq(tables.usersOutbox.type, "notification.added"));

/** Inserts a notification directly, `minutesAgo` old, for inbox tests. */
export async function insertNotification(
  db: Database,
  userId: string,
  minutesAgo: number,
  overrides: Partial<typeof tables.notifications.$inferInsert> = {},
) {
  const row = {
    id: newId("ntf"),
    userId,
    kind: "ORDER_PAID",
    title: `Order from ${minutesAgo} minutes ago`,
    body: "Body",
    link: "/orders/ord_x",
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0) - minutesAgo * 60_000),
    ...overrides,
  };
  await db.insert(tables.notifications).values(row);
  return row;
}
