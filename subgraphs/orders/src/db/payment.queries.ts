import type { Database, tables } from "@bazaar/drizzle";
import { tables as t } from "@bazaar/drizzle";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";

export type PaymentRow = typeof t.payments.$inferSelect;
type PaymentStatus = tables.PaymentStatus;

export const insertPaymentAttempt = (db: Database, row: typeof t.payments.$inferInsert) =>
  db.insert(t.payments).values(row).onConflictDoNothing();

export const findPaymentAttempt = async (db: Database, orderId: string, attempt: number) =>
  (
    await db
      .select()
      .from(t.payments)
      .where(and(eq(t.payments.orderId, orderId), eq(t.payments.attempt, attempt)))
  )[0];

/** The latest attempt of many orders in one statement. */
export const findLatestPaymentsByOrderIds = (db: Database, orderIds: readonly string[]) =>
  db
    .selectDistinctOn([t.payments.orderId])
    .from(t.payments)
    .where(inArray(t.payments.orderId, [...orderIds]))
    .orderBy(t.payments.orderId, desc(t.payments.attempt));

export const findPaymentByProviderId = async (db: Database, providerPaymentId: string) =>
  (await db.select().from(t.payments).where(eq(t.payments.providerPaymentId, providerPaymentId)))[0];

export const lockPayment = async (db: Database, id: string) =>
  (await db.select().from(t.payments).where(eq(t.payments.id, id)).for("update"))[0];

/**
 * Takes the right to call the provider for an attempt that has no intent yet: one atomic update,
 * true for exactly one caller until the lease runs out (a crashed holder frees it by expiry).
 */
export async function takeIntentLease(db: Database, paymentId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(t.payments)
    .set({ leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(
      and(
        eq(t.payments.id, paymentId),
        isNull(t.payments.providerPaymentId),
        or(isNull(t.payments.leaseUntil), lt(t.payments.leaseUntil, sql`now()`)),
      ),
    )
    .returning({ id: t.payments.id });
  return rows.length > 0;
}

export const dropIntentLease = (db: Database, paymentId: string) =>
  db.update(t.payments).set({ leaseUntil: null }).where(eq(t.payments.id, paymentId));

/** Stores the provider's intent; a status a webhook already moved further is kept. */
export async function storeIntent(
  db: Database,
  paymentId: string,
  intent: { id: string; clientSecret: string | null },
): Promise<PaymentRow> {
  const [row] = await db
    .update(t.payments)
    .set({ providerPaymentId: intent.id, clientSecret: intent.clientSecret, leaseUntil: null, updatedAt: sql`now()` })
    .where(eq(t.payments.id, paymentId))
    .returning();
  return row as PaymentRow;
}

export const setPaymentStatus = (db: Database, id: string, status: PaymentStatus, refundedAmount?: number) =>
  db
    .update(t.payments)
    .set({ status, ...(refundedAmount === undefined ? {} : { refundedAmount }), updatedAt: sql`now()` })
    .where(eq(t.payments.id, id));

/** Marks a provider event as applied; false when it already was (a repeated delivery). */
export async function recordPaymentEvent(
  db: Database,
  event: { id: string; provider: string; type: string; providerPaymentId: string },
): Promise<boolean> {
  const rows = await db
    .insert(t.paymentEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ id: t.paymentEvents.id });
  return rows.length > 0;
}

export const paymentEventSeen = async (db: Database, id: string): Promise<boolean> =>
  (await db.select({ id: t.paymentEvents.id }).from(t.paymentEvents).where(eq(t.paymentEvents.id, id))).length > 0;

/**
 * Raises a payment's refunded amount to what is known to be refunded: the refunds the provider
 * accepted, or the provider's own cumulative figure from a webhook. Never lowers it, whatever order
 * the two sources arrive in.
 */
export const raiseRefundedAmount = (db: Database, paymentId: string, reported = 0) =>
  db
    .update(t.payments)
    .set({
      refundedAmount: sql`greatest(${t.payments.refundedAmount}, ${reported}::int, (select coalesce(sum(${t.refunds.amount}), 0)::int from ${t.refunds} where ${t.refunds.paymentId} = ${paymentId} and ${t.refunds.status} = 'SUCCEEDED'))`,
      updatedAt: sql`now()`,
    })
    .where(eq(t.payments.id, paymentId));

export const findPaymentById = async (db: Database, id: string) =>
  (await db.select().from(t.payments).where(eq(t.payments.id, id)))[0];
