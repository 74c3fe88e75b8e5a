import type { Database } from "@bazaar/drizzle";

/**
 * The search port. Every adapter (Postgres by default, Meilisearch when configured) answers the
 * same questions with the same semantics, checked by one contract suite
 * (search-engine.contract.ts):
 * - every query word must match (exactly, as a typo within the word's budget, or — the last
 *   word only — as the beginning of a word); an empty query matches every product;
 * - only ACTIVE products of active sellers are ever returned or counted;
 * - facets count the whole result set with every filter applied, so a facet value's count is
 *   exactly the total the same search reports once that value is added to the filter.
 */
export interface SearchAttributeValue {
  key: string;
  value: string;
}

export interface SearchFilterValues {
  /** In this category or any of its descendants. */
  categoryId?: string | null;
  sellerId?: string | null;
  /** Any of these brands. */
  brands?: readonly string[] | null;
  /** Bounds (inclusive, minor units) on the product's lowest variant price. */
  priceMin?: number | null;
  priceMax?: number | null;
  minRating?: number | null;
  /** true: some variant has stock; false: none has. */
  inStock?: boolean | null;
  /** Pairs with the same key are alternatives; different keys must all hold. */
  attributes?: readonly SearchAttributeValue[] | null;
}

export interface SearchRequest {
  query: string;
  filter: SearchFilterValues;
  first: number;
  /** The adapter's own position keys from a previous hit's cursor, already shape-checked. */
  after: readonly string[] | null;
  /** The caller will read the facets: an adapter may count them along with the page. */
  withFacets?: boolean;
}

export interface SearchHit {
  productId: string;
  /** Position keys, opaque outside the adapter; the service wraps them into the public cursor. */
  cursor: string[];
}

export interface CountedValue<T> {
  value: T;
  count: number;
}

export interface PriceBucketValue {
  priceMin: number;
  /** Inclusive; null for the open-ended top bucket. */
  priceMax: number | null;
}

export interface SearchFacetCounts {
  categories: CountedValue<string>[];
  brands: CountedValue<string>[];
  prices: CountedValue<PriceBucketValue>[];
  ratings: CountedValue<number>[];
  sellers: CountedValue<string>[];
  attributes: CountedValue<SearchAttributeValue>[];
}

export interface SearchResponse {
  hits: SearchHit[];
  hasNextPage: boolean;
  totalCount: number;
  /** Computed only when awaited (for Postgres that is one more statement). */
  facets: PromiseLike<SearchFacetCounts>;
}

export type SuggestionKind = "PRODUCT" | "BRAND" | "CATEGORY";

export interface SearchSuggestionHit {
  kind: SuggestionKind;
  text: string;
  /** The product id or category id the suggestion names; null for a brand. */
  refId: string | null;
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** false when the index lives in the catalog tables and every write keeps it current. */
  readonly needsSync: boolean;
  /** How many position keys this adapter's cursors carry. */
  readonly cursorKeys: number;
  /** Whether `keys` could have come from this adapter's cursor (forged cursors must not reach the engine). */
  cursorValid(keys: readonly string[]): boolean;
  search(request: SearchRequest): Promise<SearchResponse>;
  suggest(prefix: string, limit: number): Promise<SearchSuggestionHit[]>;
  /**
   * (Re)indexes these products from the catalog tables: public ones are upserted, others dropped.
   * `reader` is what the tables are read through (default: the engine's database); an event
   * consumer passes its own transaction, because on PGlite (a single connection) a read outside
   * that transaction would wait for it forever.
   */
  index(productIds: readonly string[], reader?: Database): Promise<void>;
  remove(productIds: readonly string[]): Promise<void>;
  /** Rebuilds the whole index from the catalog tables; returns how many products are searchable. */
  reindexAll(): Promise<{ indexed: number }>;
}
