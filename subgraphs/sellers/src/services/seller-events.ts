import type { Transaction } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { writeToOutbox } from "@bazaar/events";
import type { SellerRow } from "../db/seller.queries";

/** The seller events of /work/notes/EVENTS.md; sellers keep no per-seller sequence (null). */
export type SellerEventType = "seller.application_submitted" | "seller.approved" | "seller.rejected";

/**
 * Writes the event to sellers' outbox inside `tx`, the transaction that made the change, so the
 * event commits with it or not at all. Payload: { sellerId, userId, name, slug } (+ reason on rejection).
 */
export async function recordSellerEvent(tx: Transaction, type: SellerEventType, seller: SellerRow): Promise<void> {
  const payload: Record<string, unknown> = { sellerId: seller.id, userId: seller.userId, name: seller.name, slug: seller.slug };
  if (type === "seller.rejected") payload.reason = seller.rejectionReason;
  await writeToOutbox(tx, tables.sellersOutbox, [{ type, aggregateType: "Seller", aggregateId: seller.id, payload }]);
}
