import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader } from "@bazaar/subgraph-kit";
import {
  findFulfillmentsByIds,
  findFulfillmentsByOrderIds,
  findOrderEventsByOrderIds,
  findOrderLinesByOrderIds,
  findOrdersByIds,
} from "../db/order.queries";
import { findLatestPaymentsByOrderIds } from "../db/payment.queries";

export function createOrderLoaders(db: Database) {
  return {
    orderById: keyedLoader(
      (ids: readonly string[]) => findOrdersByIds(db, ids),
      (row) => row.id,
    ),
    /** Also serves Fulfillment.lines (filtered), so selecting both costs one statement. */
    orderLinesByOrderId: groupedLoader(
      (ids: readonly string[]) => findOrderLinesByOrderIds(db, ids),
      (row) => row.orderId,
    ),
    fulfillmentById: keyedLoader(
      (ids: readonly string[]) => findFulfillmentsByIds(db, ids),
      (row) => row.id,
    ),
    fulfillmentsByOrderId: groupedLoader(
      (ids: readonly string[]) => findFulfillmentsByOrderIds(db, ids),
      (row) => row.orderId,
    ),
    eventsByOrderId: groupedLoader(
      (ids: readonly string[]) => findOrderEventsByOrderIds(db, ids),
      (row) => row.orderId,
    ),
    latestPaymentByOrderId: keyedLoader(
      (ids: readonly string[]) => findLatestPaymentsByOrderIds(db, ids),
      (row) => row.orderId,
    ),
  };
}
export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
