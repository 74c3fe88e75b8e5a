import type { Database } from "@bazaar/drizzle";
import { deferred } from "@bazaar/subgraph-kit";
import type { SearchEngine, SearchRequest, SearchResponse } from "../search-engine.port";
import { queryWords } from "../search-terms";
import { searchFacets } from "./search-facets.queries";
import { searchPage } from "./search-page.queries";
import { prepareQuery } from "./search-sql";
import { rebuildPostgresIndex } from "./search-reindex.queries";
import { suggestMatches } from "./search-suggest.queries";
import { expandWords } from "./term-expansion.queries";

const FLOAT = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const INT32 = /^-?\d{1,10}$/;

/**
 * The default adapter: PostgreSQL full-text search (weighted tsvector, GIN) with pg_trgm for
 * typos, on PostgreSQL and on PGlite alike. The index lives in the catalog tables and is kept by
 * triggers in the same transaction as every write, so `index` and `remove` have nothing to do.
 * A search costs two statements: word expansion, then the scored page with its total (and the
 * facets, when the caller says it will read them; otherwise a third statement if it does).
 */
export function createPostgresSearchEngine(db: Database): SearchEngine {
  return {
    name: "postgres",
    needsSync: false,
    cursorKeys: 3,
    cursorValid: (keys) =>
      keys.length === 3 &&
      FLOAT.test(keys[0] ?? "") &&
      INT32.test(keys[1] ?? "") &&
      Math.abs(Number(keys[1])) < 2 ** 31 &&
      (keys[2] ?? "").length > 0 &&
      (keys[2] ?? "").length <= 200,

    async search(request: SearchRequest): Promise<SearchResponse> {
      const query = prepareQuery(await expandWords(db, queryWords(request.query), true));
      const match = { query, filter: request.filter };
      const page = await searchPage(db, {
        ...match,
        limit: request.first + 1,
        after: request.after,
        facets: request.withFacets ?? false,
      });
      return {
        hits: page.hits.slice(0, request.first).map((hit) => ({ productId: hit.id, cursor: hit.keys })),
        hasNextPage: page.hits.length > request.first,
        totalCount: page.total,
        facets: page.facets ? Promise.resolve(page.facets) : deferred(() => searchFacets(db, match)),
      };
    },

    async suggest(prefix, limit) {
      return suggestMatches(db, await expandWords(db, queryWords(prefix), true), limit);
    },

    // Triggers index every write in its own transaction.
    index: async () => {},
    remove: async () => {},
    reindexAll: () => rebuildPostgresIndex(db),
  };
}
