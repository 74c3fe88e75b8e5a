import type { Database } from "@bazaar/drizzle";
import { keyedLoader } from "@bazaar/subgraph-kit";
import { findSellersByIds, findSellersByUserIds } from "../db/seller.queries";

export function createSellerLoaders(db: Database) {
  return {
    sellerById: keyedLoader((ids: readonly string[]) => findSellersByIds(db, ids), (row) => row.id),
    sellerByUserId: keyedLoader((ids: readonly string[]) => findSellersByUserIds(db, ids), (row) => row.userId),
  };
}
export type SellerLoaders = ReturnType<typeof createSellerLoaders>;
