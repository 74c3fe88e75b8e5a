import type { Database } from "@bazaar/drizzle";
import { type CartLoaders, createCartLoaders } from "./loaders/cart.loaders";
import { createOrderLoaders, type OrderLoaders } from "./loaders/order.loaders";
import { createSellerSalesLoaders, type SellerSalesLoaders } from "./loaders/seller-sales.loaders";

export type OrdersLoaders = OrderLoaders & CartLoaders & SellerSalesLoaders;

export interface OrdersContext {
  requestId: string;
  db: Database;
  loaders: OrdersLoaders;
}

/** Fresh loaders per request: their caches must never outlive one request (nor cross users, once auth exists). */
export function createContext(db: Database, requestId: string): OrdersContext {
  return {
    requestId,
    db,
    loaders: { ...createOrderLoaders(db), ...createCartLoaders(db), ...createSellerSalesLoaders(db) },
  };
}
