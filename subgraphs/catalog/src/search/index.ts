// What the rest of the catalog uses from search: the resolver for build-schema.ts and the
// indexing hooks the catalog.search-index consumer calls for committed changes.
export { SearchResolver } from "./resolvers/search.resolver";
export { type IndexingContext, productsChanged, sellersChanged } from "./search-indexing";
export { createPostgresSearchEngine } from "./postgres/postgres-search.engine";
export { createSearchEngine, searchEngineFor, useSearchEngine } from "./search-engine.registry";
export type { SearchEngine } from "./search-engine.port";
