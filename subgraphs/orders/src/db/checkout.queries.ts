import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq } from "drizzle-orm";

const { checkouts } = tables;

export type CheckoutRow = typeof checkouts.$inferSelect;

/**
 * Claims (customer, idempotency key) for a new order id, or finds who claimed it first. One
 * statement, no lock kept: concurrent duplicates all leave with the same row.
 */
export async function claimCheckout(
  db: Database,
  claim: typeof checkouts.$inferInsert,
): Promise<{ row: CheckoutRow; claimed: boolean }> {
  const inserted = await db.insert(checkouts).values(claim).onConflictDoNothing().returning();
  if (inserted[0]) return { row: inserted[0], claimed: true };
  const [row] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.userId, claim.userId), eq(checkouts.idempotencyKey, claim.idempotencyKey)));
  // Deleted in between (its stock ran out): claim again.
  if (!row) return claimCheckout(db, claim);
  return { row, claimed: false };
}

/** A checkout that placed no order frees its key, so the same key can try again once stock is back. */
export const deleteCheckout = (db: Database, orderId: string) =>
  db.delete(checkouts).where(eq(checkouts.orderId, orderId));

export const findCheckoutByKey = async (db: Database, userId: string, idempotencyKey: string) =>
  (
    await db
      .select()
      .from(checkouts)
      .where(and(eq(checkouts.userId, userId), eq(checkouts.idempotencyKey, idempotencyKey)))
  )[0];
