import type { Database, tables } from "@bazaar/drizzle";
import { tables as t } from "@bazaar/drizzle";
import { writeToOutbox } from "@bazaar/events";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { OrderRow } from "./order.queries";

type OrderStatus = tables.OrderStatus;
type OrderInsert = typeof t.orders.$inferInsert;

export interface Actor {
  type: "CUSTOMER" | "SELLER" | "ADMIN" | "SYSTEM";
  id: string | null;
}

export interface TimelineEvent {
  type: string;
  actor: Actor;
  fulfillmentId?: string | null;
  data?: Record<string, unknown>;
  /**
   * The order's fulfillments (id and seller), when the caller has them at hand: the outbox message
   * names the order's sellers, and without these appendTimeline reads them (one statement).
   */
  fulfillments?: readonly FulfillmentSeller[] | undefined;
}

/** Which seller ships which fulfillment; fixed when the order is placed. */
export interface FulfillmentSeller {
  id: string;
  sellerId: string;
}

/** Inserts a new order with its lines and fulfillments; nothing if its id or idempotency key exists. */
export async function insertPlacedOrder(
  db: Database,
  order: Omit<OrderInsert, "number">,
  fulfillments: (typeof t.fulfillments.$inferInsert)[],
  lines: (typeof t.orderLines.$inferInsert)[],
): Promise<OrderRow | undefined> {
  const [row] = await db
    .insert(t.orders)
    .values({ ...order, number: sql`'BZ-' || nextval('orders.order_number_seq')` })
    .onConflictDoNothing()
    .returning();
  if (!row) return undefined;
  await db.insert(t.fulfillments).values(fulfillments);
  await db.insert(t.orderLines).values(lines);
  return row;
}

export const lockOrder = async (db: Database, id: string): Promise<OrderRow | undefined> =>
  (await db.select().from(t.orders).where(eq(t.orders.id, id)).for("update"))[0];

export type OrderChanges = Partial<
  Pick<OrderInsert, "status" | "stockState" | "cancelReason" | "refundedTotal" | "reservationExpiresAt">
>;

/**
 * The one way an order changes once placed: the change, the next timeline entry and its outbox
 * message, in the caller's transaction (which must hold the order's row lock).
 */
export async function recordTransition(
  db: Database,
  order: OrderRow,
  changes: OrderChanges,
  event: TimelineEvent,
): Promise<OrderRow> {
  const [updated] = await db
    .update(t.orders)
    .set({ ...changes, eventSequence: sql`${t.orders.eventSequence} + 1`, updatedAt: sql`now()` })
    .where(eq(t.orders.id, order.id))
    .returning();
  const row = updated as OrderRow;
  await appendTimeline(db, row, order.status as OrderStatus, event);
  return row;
}

/**
 * Writes timeline entry `order.eventSequence` and its outbox message (the order row already carries
 * the sequence); the outbox write also wakes the relays, on commit.
 */
export async function appendTimeline(db: Database, order: OrderRow, from: OrderStatus | null, event: TimelineEvent) {
  const occurredAt = new Date();
  const to = order.status as OrderStatus;
  const fulfillmentId = event.fulfillmentId ?? null;
  const fulfillments = event.fulfillments ?? (await findFulfillmentSellers(db, order.id));
  await db.insert(t.orderEvents).values({
    orderId: order.id,
    sequence: order.eventSequence,
    type: event.type,
    fromStatus: from,
    toStatus: to,
    fulfillmentId,
    actorType: event.actor.type,
    actorId: event.actor.id,
    data: event.data ?? {},
    createdAt: occurredAt,
  });
  await writeToOutbox(db, t.outbox, [
    {
      type: outboxType(event.type),
      aggregateType: "Order",
      aggregateId: order.id,
      sequence: order.eventSequence,
      occurredAt,
      payload: {
        orderId: order.id,
        number: order.number,
        sequence: order.eventSequence,
        timelineType: event.type,
        fromStatus: from,
        toStatus: to,
        fulfillmentId,
        actor: { type: event.actor.type, id: event.actor.id },
        customerId: order.userId,
        total: order.total,
        refundedTotal: order.refundedTotal,
        currency: order.currency.trim(),
        data: event.data ?? {},
        // Consumers (e.g. users' notifications) route by seller without reading orders' tables.
        sellerIds: [...new Set(fulfillments.map((f) => f.sellerId))].sort(),
        fulfillmentSellerId: fulfillmentId
          ? (fulfillments.find((f) => f.id === fulfillmentId)?.sellerId ?? null)
          : null,
      },
    },
  ]);
}

export const findFulfillmentSellers = (db: Database, orderId: string): Promise<FulfillmentSeller[]> =>
  db
    .select({ id: t.fulfillments.id, sellerId: t.fulfillments.sellerId })
    .from(t.fulfillments)
    .where(eq(t.fulfillments.orderId, orderId));

/** Bus event types are dotted, `order.<what>`: ORDER_PAID → order.paid, FULFILLMENT_SHIPPED → order.shipped. */
export const outboxType = (timelineType: string): string =>
  `order.${timelineType.replace(/^(ORDER|FULFILLMENT)_/, "").toLowerCase()}`;

export const lockFulfillment = async (db: Database, id: string) =>
  (await db.select().from(t.fulfillments).where(eq(t.fulfillments.id, id)).for("update"))[0];

export const updateFulfillment = (db: Database, id: string, changes: Partial<typeof t.fulfillments.$inferInsert>) =>
  db.update(t.fulfillments).set(changes).where(eq(t.fulfillments.id, id)).returning();

export const findFulfillmentsOfOrder = (db: Database, orderId: string) =>
  db.select().from(t.fulfillments).where(eq(t.fulfillments.orderId, orderId));

/** A cancelled order ships nothing: its open fulfillments are cancelled with it. */
export const cancelOpenFulfillments = (db: Database, orderId: string) =>
  db
    .update(t.fulfillments)
    .set({ status: "CANCELLED" })
    .where(and(eq(t.fulfillments.orderId, orderId), inArray(t.fulfillments.status, ["UNFULFILLED"])));
