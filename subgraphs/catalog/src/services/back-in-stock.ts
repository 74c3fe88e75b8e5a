import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { writeToOutbox } from "@bazaar/events";
import { productStockTotals } from "../db/product-stock.queries";

/**
 * Announces `product.back_in_stock { productId, title, slug, sellerId }` for every product whose
 * stock went from 0 to more than 0 in this transaction. `added` is what the transaction's stock
 * writes added per product (net: units put back minus units removed); the caller holds the locks
 * of all those products' variants (`lockProductStock`, or a product edit's own locks), so the
 * total read here is the product's stock after the writes and `total - added` the one before: an
 * event exactly when that was 0 and this is not — once per transition, none while stock stays
 * positive. The event is written in the caller's transaction, so it commits with the stock.
 * Costs one statement (plus the outbox write) and nothing when nothing was added.
 */
export async function announceBackInStock(tx: Database, added: ReadonlyMap<string, number>): Promise<string[]> {
  const grown = [...added].filter(([, units]) => units > 0).map(([productId]) => productId);
  if (grown.length === 0) return [];
  const totals = await productStockTotals(tx, grown);
  const back = totals.filter((p) => p.stock > 0 && p.stock - (added.get(p.id) ?? 0) <= 0);
  await writeToOutbox(
    tx,
    tables.catalogOutbox,
    back.map((p) => ({
      type: "product.back_in_stock",
      aggregateType: "Product",
      aggregateId: p.id,
      payload: { productId: p.id, title: p.title, slug: p.slug, sellerId: p.sellerId },
    })),
  );
  return back.map((p) => p.id);
}
