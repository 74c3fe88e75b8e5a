import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader } from "@bazaar/subgraph-kit";
import { findCartLinesByCartIds, findCartsByIds } from "../db/cart.queries";

export function createCartLoaders(db: Database) {
  return {
    cartById: keyedLoader(
      (ids: readonly string[]) => findCartsByIds(db, ids),
      (row) => row.id,
    ),
    cartLinesByCartId: groupedLoader(
      (ids: readonly string[]) => findCartLinesByCartIds(db, ids),
      (row) => row.cartId,
    ),
  };
}
export type CartLoaders = ReturnType<typeof createCartLoaders>;
