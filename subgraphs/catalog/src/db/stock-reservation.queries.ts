import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import type { ReservationStatus } from "@bazaar/drizzle/schema";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";

export type ReservationRow = typeof tables.stockReservations.$inferSelect;
export type ReservationLineRow = typeof tables.stockReservationLines.$inferSelect;
const { stockReservations, stockReservationLines } = tables;

/**
 * Claims the order id. A concurrent claim of the same id waits here until the first transaction
 * ends: if it committed this returns undefined (the reservation exists), if it rolled back this one
 * proceeds. That makes `reserveStock` idempotent per order without any lock on stock.
 */
export const claimReservation = async (db: Database, orderId: string, expiresAt: Date) =>
  (
    await db
      .insert(stockReservations)
      .values({ orderId, status: "RESERVED", expiresAt })
      .onConflictDoNothing({ target: stockReservations.orderId })
      .returning()
  )[0];

export const findReservation = async (db: Database, orderId: string) =>
  (await db.select().from(stockReservations).where(eq(stockReservations.orderId, orderId)))[0];

/** The reservation locked until the transaction ends: its status changes one writer at a time. */
export const lockReservation = async (db: Database, orderId: string) =>
  (await db.select().from(stockReservations).where(eq(stockReservations.orderId, orderId)).for("update"))[0];

/** Lines of the given reservations, by order then variant id. */
export const findReservationLines = (db: Database, orderIds: readonly string[]) =>
  db
    .select()
    .from(stockReservationLines)
    .where(inArray(stockReservationLines.orderId, [...orderIds]))
    .orderBy(asc(stockReservationLines.orderId), asc(stockReservationLines.variantId));

export const insertReservationLines = (db: Database, rows: ReservationLineRow[]) =>
  db.insert(stockReservationLines).values(rows);

export const setReservationStatus = async (db: Database, orderIds: readonly string[], status: ReservationStatus) =>
  db
    .update(stockReservations)
    .set({ status, updatedAt: sql`now()` })
    .where(inArray(stockReservations.orderId, [...orderIds]))
    .returning();

/**
 * Up to `limit` reservations still holding stock past their expiry, locked. SKIP LOCKED: one being
 * committed or released right now is left to that writer, and sweepers on several instances share
 * the work instead of queueing.
 */
export const lockExpiredReservations = (db: Database, now: Date, limit: number) =>
  db
    .select()
    .from(stockReservations)
    .where(and(eq(stockReservations.status, "RESERVED"), lte(stockReservations.expiresAt, now)))
    .orderBy(asc(stockReservations.expiresAt), asc(stockReservations.orderId))
    .limit(limit)
    .for("update", { skipLocked: true });
