import type { Database } from "@bazaar/drizzle";
import { keyedLoader, pagedLoader } from "@bazaar/subgraph-kit";
import { countOrders, listOrderPages, type OrderCursor, type OrderOwner } from "../db/order-page.queries";

/** Pages of one kind of owner's order lists, and their total counts, batched across owners. */
const orderListLoaders = (db: Database, owner: OrderOwner) => ({
  pages: pagedLoader(
    (ids: string[], limit: number, after: OrderCursor | null) => listOrderPages(db, owner, ids, limit, after),
    (row) => row.ownerId,
  ),
  counts: keyedLoader(
    (ids: readonly string[]) => countOrders(db, owner, ids),
    (row) => row.ownerId,
  ),
});

export function createOrderPageLoaders(db: Database) {
  return { orderListsOf: { user: orderListLoaders(db, "user"), seller: orderListLoaders(db, "seller") } };
}
export type OrderPageLoaders = ReturnType<typeof createOrderPageLoaders>;
