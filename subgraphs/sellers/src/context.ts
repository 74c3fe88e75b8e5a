import type { Database } from "@bazaar/drizzle";
import { createSellerLoaders, type SellerLoaders } from "./loaders/seller.loaders";

export interface SellersContext {
  requestId: string;
  db: Database;
  loaders: SellerLoaders;
}

export function createContext(db: Database, requestId: string): SellersContext {
  return { requestId, db, loaders: createSellerLoaders(db) };
}
