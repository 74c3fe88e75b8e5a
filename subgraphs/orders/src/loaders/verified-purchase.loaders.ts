import type { Database } from "@bazaar/drizzle";
import DataLoader from "dataloader";
import { findPurchases, type Purchase } from "../db/verified-purchase.queries";

const keyOf = (p: Purchase) => JSON.stringify([p.userId, p.productId]);

/** Whether each (customer, product) pair was bought: every review of a response in one statement. */
export const createVerifiedPurchaseLoader = (db: Database) =>
  new DataLoader<Purchase, boolean, string>(
    async (pairs) => {
      const bought = new Set((await findPurchases(db, pairs)).map(keyOf));
      return pairs.map((pair) => bought.has(keyOf(pair)));
    },
    { cacheKeyFn: keyOf },
  );

const perRequest = new WeakMap<object, DataLoader<Purchase, boolean, string>>();

/**
 * The request's loader, created on first use and kept on the request's context object, so it is
 * shared by every review of one response and dies with the request.
 */
export function verifiedPurchaseLoader(context: { db: Database }) {
  let loader = perRequest.get(context);
  if (!loader) {
    loader = createVerifiedPurchaseLoader(context.db);
    perRequest.set(context, loader);
  }
  return loader;
}
