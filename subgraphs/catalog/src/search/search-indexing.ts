import type { Database } from "@bazaar/drizzle";
import { productIdsOfSellers } from "./documents/search-document.queries";
import { searchEngineFor } from "./search-engine.registry";

export interface IndexingContext {
  /** The catalog database; its engine (`searchEngineFor`) is the one told. */
  db: Database;
  /** What the catalog tables are read through; default `db`. A consumer passes its transaction. */
  reader?: Database | undefined;
}

/**
 * Keeps an external index fresh. Called by the catalog.search-index consumer
 * (services/search-index.consumer.ts) for each product.changed and seller-listing.changed event,
 * so only after the change has committed. With Postgres search they cost nothing: the index is
 * part of the tables and already current. With Meilisearch they upsert or drop the products.
 * Failures propagate: the consumer's transaction rolls back with its dedupe row and the bus
 * delivers the event again (`scripts/search-reindex.ts` rebuilds an index from scratch).
 */
export async function productsChanged(ctx: IndexingContext, productIds: readonly string[]): Promise<void> {
  const engine = searchEngineFor(ctx.db);
  if (!engine.needsSync || productIds.length === 0) return;
  await engine.index([...new Set(productIds)], ctx.reader ?? ctx.db);
}

/** A seller's status decides whether all of its products are public. */
export async function sellersChanged(ctx: IndexingContext, sellerIds: readonly string[]): Promise<void> {
  if (!searchEngineFor(ctx.db).needsSync || sellerIds.length === 0) return;
  await productsChanged(ctx, await productIdsOfSellers(ctx.reader ?? ctx.db, sellerIds));
}
