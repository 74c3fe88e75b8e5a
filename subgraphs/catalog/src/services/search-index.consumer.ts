import type { Database, Transaction } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { type Bus, type EventEnvelope, type Subscription, subscribeConsumer } from "@bazaar/events";
import { productsChanged, sellersChanged } from "../search";
import { PRODUCT_CHANGED, SELLER_LISTING_CHANGED } from "./catalog-events";

/** The durable consumer group (and dedupe namespace) that keeps the search index fresh. */
export const SEARCH_INDEX_CONSUMER = "catalog.search-index";

/**
 * Subscribes the search index to catalog's own changes; unsubscribe when the server stops.
 *
 * Every writer announces what search may show differently in its own transaction: product.changed
 * for product edits, reviews and availability, seller-listing.changed when the seller mirror
 * (catalog.seller-listing, or the internal syncSellerStatus mutation) records a decision. The
 * listing consumer does not tell search itself: its handler runs inside its own transaction, so
 * search would hear of a listing that could still roll back, and a search engine outage would make
 * the listing fail and retry too. Through the outbox, search hears of it only after it committed,
 * and retries on its own.
 */
export function subscribeSearchIndex(bus: Bus, db: Database): Promise<Subscription> {
  return subscribeConsumer({
    bus,
    db,
    table: tables.catalogProcessedEvents,
    consumer: SEARCH_INDEX_CONSUMER,
    types: [PRODUCT_CHANGED, SELLER_LISTING_CHANGED],
    handle: (event, tx) => reindex(db, event, tx),
  });
}

/**
 * One event, one call, in the consumer's transaction (with its dedupe row): the engine re-reads
 * the products as committed, so a redelivered or late event writes the current state again. The
 * engine reads through `tx`: on PGlite, the only connection, a read outside it would wait forever.
 * A failure rolls the dedupe row back and the bus delivers the event again.
 */
export async function reindex(db: Database, event: EventEnvelope, tx: Transaction): Promise<void> {
  const id = (key: string) => (typeof event.payload[key] === "string" ? (event.payload[key] as string) : event.aggregateId);
  if (event.type === PRODUCT_CHANGED) await productsChanged({ db, reader: tx }, [id("productId")]);
  if (event.type === SELLER_LISTING_CHANGED) await sellersChanged({ db, reader: tx }, [id("sellerId")]);
}
