// What the rest of the catalog uses from search: the resolver for build-schema.ts and the
// indexing hooks writers call after their transaction commits.
export { SearchResolver } from "./resolvers/search.resolver";
export { productsChanged, sellersChanged } from "./search-indexing";
export { createPostgresSearchEngine } from "./postgres/postgres-search.engine";
export { createSearchEngine, searchEngineFor, useSearchEngine } from "./search-engine.registry";
export type { SearchEngine } from "./search-engine.port";
