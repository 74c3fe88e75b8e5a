import type { Database } from "@bazaar/drizzle";
import { createMeiliSearchEngine } from "./meilisearch/meili-search.engine";
import { createPostgresSearchEngine } from "./postgres/postgres-search.engine";
import { loadSearchConfig, type SearchConfig } from "./search-config";
import type { SearchEngine } from "./search-engine.port";

export function createSearchEngine(db: Database, config: SearchConfig): SearchEngine {
  return config.meili ? createMeiliSearchEngine(db, config.meili) : createPostgresSearchEngine(db);
}

let configured: SearchConfig | undefined;
const engines = new WeakMap<Database, SearchEngine>();

/**
 * The engine searching a catalog database, created on first use from the environment and kept
 * for the life of the database handle (the Meilisearch client and its settings state are reused).
 */
export function searchEngineFor(db: Database): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    configured ??= loadSearchConfig();
    engine = createSearchEngine(db, configured);
    engines.set(db, engine);
  }
  return engine;
}

/** Pins the engine for a database handle, whatever the environment says (tests, tools). */
export function useSearchEngine(db: Database, engine: SearchEngine): void {
  engines.set(db, engine);
}
