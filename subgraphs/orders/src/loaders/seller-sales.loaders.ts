import type { Database } from "@bazaar/drizzle";
import { keyedLoader } from "@bazaar/subgraph-kit";
import { sumUnitsSoldBySellerIds } from "../db/seller-sales.queries";

export function createSellerSalesLoaders(db: Database) {
  return {
    unitsSoldBySellerId: keyedLoader(
      (ids: readonly string[]) => sumUnitsSoldBySellerIds(db, ids),
      (row) => row.sellerId,
    ),
  };
}
export type SellerSalesLoaders = ReturnType<typeof createSellerSalesLoaders>;
