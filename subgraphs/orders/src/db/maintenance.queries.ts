import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, eq, inArray, lt } from "drizzle-orm";

const { orders } = tables;

/** Unpaid orders whose stock reservation lapsed before `before`, oldest first. */
export const findLapsedUnpaidOrders = (db: Database, before: Date, limit: number) =>
  db
    .select({ id: orders.id })
    .from(orders)
    .where(and(inArray(orders.status, ["PENDING_PAYMENT", "PAYMENT_FAILED"]), lt(orders.reservationExpiresAt, before)))
    .orderBy(asc(orders.reservationExpiresAt))
    .limit(limit);

/** Orders whose stock catalog has not confirmed as given back yet. */
export const findPendingReleases = (db: Database, limit: number) =>
  db.select({ id: orders.id }).from(orders).where(eq(orders.stockState, "RELEASE_PENDING")).limit(limit);

/** Once catalog confirmed: only a still-pending release is marked, never a later state. */
export const markStockReleased = (db: Database, orderId: string) =>
  db
    .update(orders)
    .set({ stockState: "RELEASED" })
    .where(and(eq(orders.id, orderId), eq(orders.stockState, "RELEASE_PENDING")));
