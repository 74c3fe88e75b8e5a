import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, eq, getTableColumns, gt, inArray } from "drizzle-orm";

const { orders, orderLines, fulfillments } = tables;

export type OrderRow = typeof orders.$inferSelect;
export type FulfillmentRow = typeof fulfillments.$inferSelect;
/** A line plus its order's currency: lines store amounts only, the order stores the currency. */
export type OrderLineRow = typeof orderLines.$inferSelect & { currency: string };

export const findOrdersByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(orders)
    .where(inArray(orders.id, [...ids]));

/** Lines of many orders in one statement, in a stable order (ids are roughly creation-time ordered). */
export const findOrderLinesByOrderIds = (db: Database, orderIds: readonly string[]): Promise<OrderLineRow[]> =>
  db
    .select({ ...getTableColumns(orderLines), currency: orders.currency })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(inArray(orderLines.orderId, [...orderIds]))
    .orderBy(asc(orderLines.id));

export const findFulfillmentsByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(fulfillments)
    .where(inArray(fulfillments.id, [...ids]));

export const findFulfillmentsByOrderIds = (db: Database, orderIds: readonly string[]) =>
  db
    .select()
    .from(fulfillments)
    .where(inArray(fulfillments.orderId, [...orderIds]))
    .orderBy(asc(fulfillments.createdAt), asc(fulfillments.id));

export type OrderEventRow = typeof tables.orderEvents.$inferSelect;

/** Timelines of many orders in one statement, each in sequence order. */
export const findOrderEventsByOrderIds = (db: Database, orderIds: readonly string[]) =>
  db
    .select()
    .from(tables.orderEvents)
    .where(inArray(tables.orderEvents.orderId, [...orderIds]))
    .orderBy(asc(tables.orderEvents.orderId), asc(tables.orderEvents.sequence));

/** One order's timeline after `sequence`, oldest first, at most `limit` entries (the primary key's range). */
export const findOrderEventsAfter = (db: Database, orderId: string, sequence: number, limit: number) =>
  db
    .select()
    .from(tables.orderEvents)
    .where(and(eq(tables.orderEvents.orderId, orderId), gt(tables.orderEvents.sequence, sequence)))
    .orderBy(asc(tables.orderEvents.sequence))
    .limit(limit);

export const findOrderByIdempotencyKey = async (db: Database, userId: string, idempotencyKey: string) =>
  (
    await db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, idempotencyKey)))
  )[0];
