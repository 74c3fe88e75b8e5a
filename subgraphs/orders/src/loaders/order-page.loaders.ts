import type { Database } from "@bazaar/drizzle";
import { keyedLoader, pagedLoader } from "@bazaar/subgraph-kit";
import {
  countOrdersOfSellers,
  countOrdersOfUsers,
  listOrderPagesOfSellers,
  listOrderPagesOfUsers,
  type OrderCursor,
} from "../db/order-page.queries";

export function createOrderPageLoaders(db: Database) {
  return {
    orderPagesOfUsers: pagedLoader(
      (ids: string[], limit: number, after: OrderCursor | null) => listOrderPagesOfUsers(db, ids, limit, after),
      (row) => row.ownerId,
    ),
    orderCountByUserId: keyedLoader(
      (ids: readonly string[]) => countOrdersOfUsers(db, ids),
      (row) => row.ownerId,
    ),
    orderPagesOfSellers: pagedLoader(
      (ids: string[], limit: number, after: OrderCursor | null) => listOrderPagesOfSellers(db, ids, limit, after),
      (row) => row.ownerId,
    ),
    orderCountBySellerId: keyedLoader(
      (ids: readonly string[]) => countOrdersOfSellers(db, ids),
      (row) => row.ownerId,
    ),
  };
}
export type OrderPageLoaders = ReturnType<typeof createOrderPageLoaders>;
