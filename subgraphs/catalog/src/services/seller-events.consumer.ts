import type { Database, Transaction } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { type Bus, type EventEnvelope, type Subscription, subscribeConsumer } from "@bazaar/events";
import { syncSellerStatus } from "./seller-listing.service";

/** The durable consumer group (and dedupe namespace) of catalog's seller mirror. */
export const SELLER_LISTING_CONSUMER = "catalog.seller-listing";

/** sellers' decisions and the status each leaves the seller in. */
const STATUS_BY_EVENT: Readonly<Record<string, string>> = {
  "seller.approved": "ACTIVE",
  "seller.rejected": "REJECTED",
  "seller.suspended": "SUSPENDED",
};

/** Subscribes catalog's seller mirror to sellers' decisions; unsubscribe when the server stops. */
export function subscribeSellerListing(bus: Bus, db: Database): Promise<Subscription> {
  return subscribeConsumer({
    bus,
    db,
    table: tables.catalogProcessedEvents,
    consumer: SELLER_LISTING_CONSUMER,
    types: Object.keys(STATUS_BY_EVENT),
    handle: applySellerDecision,
  });
}

/**
 * Applies one decision in the consumer's transaction (with its dedupe row), through the same
 * service as the internal syncSellerStatus mutation. Sellers' events carry no sequence, so order
 * comes from the decision's time: the envelope's occurredAt, stamped in sellers' transaction while
 * it held the seller's row lock, so one seller's decisions are timestamped in the order they were
 * made. It is stored with the mirror row and a decision older than the stored one is ignored.
 * Redelivery is therefore harmless twice over: the dedupe row skips it, and applying it again
 * would write the same state. Several relays publishing out of order still end in the newest.
 */
export async function applySellerDecision(event: EventEnvelope, tx: Transaction): Promise<void> {
  const status = STATUS_BY_EVENT[event.type];
  if (!status) return;
  const sellerId = typeof event.payload.sellerId === "string" ? event.payload.sellerId : event.aggregateId;
  const result = await syncSellerStatus({ db: tx }, { sellerId, status, occurredAt: new Date(event.occurredAt) });
  // A malformed event would fail the same way on every redelivery: record it as handled and say so.
  if (result.userErrors.length > 0) {
    console.error(
      JSON.stringify({ level: "error", msg: "ignored malformed seller event", eventId: event.id, errors: result.userErrors }),
    );
  }
}
