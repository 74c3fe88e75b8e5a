import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { createSellerLoaders, type SellerLoaders } from "./loaders/seller.loaders";

export interface SellersContext extends AuthContext {
  requestId: string;
  db: Database;
  loaders: SellerLoaders;
}

export function createContext(db: Database, requestId: string, viewer: Viewer | null = null): SellersContext {
  return { requestId, viewer, db, loaders: createSellerLoaders(db) };
}
