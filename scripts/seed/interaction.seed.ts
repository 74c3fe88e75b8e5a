import { type Database, tables } from "@bazaar/drizzle";
import { insertRows } from "./batch-insert";
import { interactionIndex } from "./order-history";
import type { SeedProduct } from "./product.seed";
import type { PurchaseLog } from "./purchase-log";
import { seedId } from "./seed-ids";
import type { SeedUsers } from "./user.seed";

type InteractionRow = typeof tables.interactions.$inferInsert;

const ROWS_PER_SLICE = 10_000;

/**
 * One PURCHASE interaction per line of every order that was not cancelled, as checkout events will
 * record them later; written in slices so a large seed never holds them all at once.
 */
export async function writePurchaseInteractions(
  db: Database,
  log: PurchaseLog,
  users: SeedUsers,
  products: SeedProduct[],
): Promise<number> {
  let written = 0;
  await db.transaction(async (tx) => {
    for (let start = 0; start < log.length; start += ROWS_PER_SLICE) {
      const rows: InteractionRow[] = [];
      for (let k = start; k < Math.min(log.length, start + ROWS_PER_SLICE); k += 1) {
        rows.push({
          id: seedId("int", interactionIndex(log, k)),
          userId: users.rows[log.user[k] as number]?.id ?? null,
          productId: (products[log.product[k] as number] as SeedProduct).row.id,
          kind: "PURCHASE",
          orderId: seedId("ord", log.orderIndex[k] as number),
          quantity: log.quantity[k] as number,
          occurredAt: new Date(log.at[k] as number),
        });
      }
      written += await insertRows(tx, tables.interactions, rows);
    }
  });
  return written;
}
