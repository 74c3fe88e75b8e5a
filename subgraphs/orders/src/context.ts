import type { Viewer } from "@bazaar/auth";
import type { Database } from "@bazaar/drizzle";
import type { AuthContext } from "@bazaar/subgraph-kit";
import { type CartLoaders, createCartLoaders } from "./loaders/cart.loaders";
import { createOrderLoaders, type OrderLoaders } from "./loaders/order.loaders";
import { createSellerSalesLoaders, type SellerSalesLoaders } from "./loaders/seller-sales.loaders";

export type OrdersLoaders = OrderLoaders & CartLoaders & SellerSalesLoaders;

export interface OrdersContext extends AuthContext {
  requestId: string;
  db: Database;
  loaders: OrdersLoaders;
}

/** Fresh loaders per request: their caches must never outlive one request (nor cross users, once auth exists). */
export function createContext(db: Database, requestId: string, viewer: Viewer | null = null): OrdersContext {
  return {
    requestId,
    viewer,
    db,
    loaders: { ...createOrderLoaders(db), ...createCartLoaders(db), ...createSellerSalesLoaders(db) },
  };
}
