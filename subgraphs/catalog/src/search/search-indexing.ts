import type { Database } from "@bazaar/drizzle";
import { productIdsOfSellers } from "./documents/search-document.queries";
import { searchEngineFor } from "./search-engine.registry";

/**
 * Hooks for writers, to call after the transaction that changed catalog data has committed
 * (events take over in a later milestone). With Postgres search they cost nothing: the index is
 * part of the tables and already current. With Meilisearch they upsert or drop the products.
 * Indexing failures are logged, never thrown: the write itself succeeded, and
 * `scripts/search-reindex.ts` repairs a stale index.
 */
export async function productsChanged(ctx: { db: Database }, productIds: readonly string[]): Promise<void> {
  const engine = searchEngineFor(ctx.db);
  if (!engine.needsSync || productIds.length === 0) return;
  try {
    await engine.index([...new Set(productIds)]);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "search indexing failed", productIds, error: String(error) }));
  }
}

/** A seller's status decides whether all of its products are public. */
export async function sellersChanged(ctx: { db: Database }, sellerIds: readonly string[]): Promise<void> {
  if (!searchEngineFor(ctx.db).needsSync || sellerIds.length === 0) return;
  await productsChanged(ctx, await productIdsOfSellers(ctx.db, sellerIds));
}
