import type { Database } from "@bazaar/drizzle";
import { tables as t } from "@bazaar/drizzle";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";

export type RefundRow = typeof t.refunds.$inferSelect;

export const insertRefund = async (db: Database, row: typeof t.refunds.$inferInsert): Promise<RefundRow> =>
  (await db.insert(t.refunds).values(row).returning())[0] as RefundRow;

export const markRefund = (db: Database, id: string, changes: Pick<RefundRow, "status" | "providerRefundId">) =>
  db
    .update(t.refunds)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(t.refunds.id, id));

export const findPendingRefundsOfOrder = (db: Database, orderId: string) =>
  db
    .select()
    .from(t.refunds)
    .where(and(eq(t.refunds.orderId, orderId), eq(t.refunds.status, "PENDING")));

/**
 * Refunds the provider has not accepted yet, oldest first. Only those younger than `maxAgeMs`:
 * provider idempotency keys expire (Stripe keeps them 24 h), and a retry after that could refund twice.
 */
export const findRetryableRefunds = (db: Database, maxAgeMs: number, limit: number) =>
  db
    .select()
    .from(t.refunds)
    .where(
      and(
        eq(t.refunds.status, "PENDING"),
        isNull(t.refunds.providerRefundId),
        gt(t.refunds.createdAt, sql`now() - ${`${maxAgeMs} milliseconds`}::interval`),
      ),
    )
    .orderBy(asc(t.refunds.createdAt))
    .limit(limit);

export const findRefundsOfPayment = (db: Database, paymentId: string) =>
  db.select().from(t.refunds).where(eq(t.refunds.paymentId, paymentId));
