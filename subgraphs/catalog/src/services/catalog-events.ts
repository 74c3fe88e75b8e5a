import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { writeToOutbox } from "@bazaar/events";

/** Event types of /work/notes/EVENTS.md that catalog announces and its search index follows. */
export const PRODUCT_CHANGED = "product.changed";
export const SELLER_LISTING_CHANGED = "seller-listing.changed";

/**
 * Announces `product.changed { productId }` for each product (once per product however often it
 * is named), in `tx`: the transaction that changed what search shows of it (its fields, status,
 * prices, rating or availability), so the event commits with the change or not at all.
 */
export async function recordProductsChanged(tx: Database, productIds: Iterable<string>): Promise<void> {
  await writeToOutbox(
    tx,
    tables.catalogOutbox,
    [...new Set(productIds)].map((productId) => ({
      type: PRODUCT_CHANGED,
      aggregateType: "Product",
      aggregateId: productId,
      payload: { productId },
    })),
  );
}

/** Announces `seller-listing.changed { sellerId, listed }` in the transaction that recorded the listing. */
export async function recordSellerListingChanged(tx: Database, listing: { sellerId: string; active: boolean }): Promise<void> {
  await writeToOutbox(tx, tables.catalogOutbox, [
    {
      type: SELLER_LISTING_CHANGED,
      aggregateType: "SellerListing",
      aggregateId: listing.sellerId,
      payload: { sellerId: listing.sellerId, listed: listing.active },
    },
  ]);
}

/**
 * The products of variants a sale took down to 0 units. A product is available while any variant
 * has stock, so it can only stop being available in a transaction that empties one of its variants;
 * sales lock only the variants they take, so whether a sibling still has stock is not known for
 * sure here. Naming every such product over-reports a little (the search consumer re-reads the
 * product as committed, so a needless reindex changes nothing) and never misses one.
 */
export const productsRunOut = (remaining: Iterable<{ productId: string; stock: number }>): string[] =>
  [...remaining].filter((variant) => variant.stock === 0).map((variant) => variant.productId);
