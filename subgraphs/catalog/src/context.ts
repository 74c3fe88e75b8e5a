import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { type CategoryLoaders, createCategoryLoaders } from "./loaders/category.loaders";
import { createProductLoaders, type ProductLoaders } from "./loaders/product.loaders";
import { createReviewLoaders, type ReviewLoaders } from "./loaders/review.loaders";
import { createSellerListingLoaders, type SellerListingLoaders } from "./loaders/seller-listing.loaders";

export type CatalogLoaders = ProductLoaders & CategoryLoaders & ReviewLoaders & SellerListingLoaders;

export interface CatalogContext extends AuthContext {
  requestId: string;
  db: Database;
  loaders: CatalogLoaders;
}

/** Loaders are created per request, so their caches never outlive one operation. */
export function createContext(db: Database, requestId: string, viewer: Viewer | null = null): CatalogContext {
  return {
    requestId,
    viewer,
    db,
    loaders: {
      ...createProductLoaders(db),
      ...createCategoryLoaders(db),
      ...createReviewLoaders(db),
      ...createSellerListingLoaders(db),
    },
  };
}
