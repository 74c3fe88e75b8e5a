import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader } from "@bazaar/subgraph-kit";
import { findCartLinesByCartIds, findCartsByIds, findCartsByUserIds } from "../db/cart.queries";

export function createCartLoaders(db: Database) {
  return {
    cartById: keyedLoader(
      (ids: readonly string[]) => findCartsByIds(db, ids),
      (row) => row.id,
    ),
    cartByUserId: keyedLoader(
      (ids: readonly string[]) => findCartsByUserIds(db, ids),
      (row) => row.userId as string,
    ),
    cartLinesByCartId: groupedLoader(
      (ids: readonly string[]) => findCartLinesByCartIds(db, ids),
      (row) => row.cartId,
    ),
  };
}
export type CartLoaders = ReturnType<typeof createCartLoaders>;
