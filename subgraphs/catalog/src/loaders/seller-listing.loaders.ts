import type { Database } from "@bazaar/drizzle";
import { keyedLoader } from "@bazaar/subgraph-kit";
import { findSellerListingsByIds } from "../db/seller-listing.queries";

export function createSellerListingLoaders(db: Database) {
  return {
    sellerListingById: keyedLoader(
      (ids: readonly string[]) => findSellerListingsByIds(db, ids),
      (row) => row.sellerId,
    ),
  };
}
export type SellerListingLoaders = ReturnType<typeof createSellerListingLoaders>;
