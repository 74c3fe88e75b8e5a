import { type Database, tables } from "@bazaar/drizzle";
import { insertRows } from "./batch-insert";
import { generateOrder, MAX_LINES } from "./order.seed";
import type { OrderWorld } from "./order-world";
import type { SeedProduct } from "./product.seed";
import { PurchaseLog } from "./purchase-log";

export interface OrderHistory {
  log: PurchaseLog;
  orders: number;
  lines: number;
  fulfillments: number;
}

/** Orders generated and written this many at a time, so memory stays flat at large scales. */
const ORDERS_PER_BATCH = 1_000;

/**
 * Writes the whole order history in one transaction and returns what was bought. Also counts
 * each product's units sold (cancelled orders excluded) into its `popularity`.
 */
export async function writeOrderHistory(db: Database, world: OrderWorld): Promise<OrderHistory> {
  const log = new PurchaseLog();
  const history: OrderHistory = { log, orders: 0, lines: 0, fulfillments: 0 };
  await db.transaction(async (tx) => {
    for (let start = 0; start < world.plan.orders; start += ORDERS_PER_BATCH) {
      const batch = Array.from({ length: Math.min(ORDERS_PER_BATCH, world.plan.orders - start) }, (_, k) =>
        generateOrder(world, start + k),
      );
      history.orders += await insertRows(tx, tables.orders, batch.map((o) => o.order));
      history.fulfillments += await insertRows(tx, tables.fulfillments, batch.flatMap((o) => o.fulfillments));
      history.lines += await insertRows(tx, tables.orderLines, batch.flatMap((o) => o.lines));
      batch.forEach((generated, k) => {
        if (generated.cancelled) return;
        generated.lines.forEach((line, position) => {
          const product = generated.lineProducts[position] as number;
          (world.products[product] as SeedProduct).row.popularity += line.quantity;
          log.add({
            orderIndex: start + k,
            position,
            product,
            user: generated.userIndex,
            quantity: line.quantity,
            at: (generated.order.placedAt as Date).getTime(),
          });
        });
      });
    }
  });
  return history;
}

/** Interaction ids follow the order line they record (`order index × 4 + position`). */
export const interactionIndex = (log: PurchaseLog, k: number) =>
  (log.orderIndex[k] as number) * MAX_LINES + (log.position[k] as number);
