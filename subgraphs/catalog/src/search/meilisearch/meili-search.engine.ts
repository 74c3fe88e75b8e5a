import type { Database } from "@bazaar/drizzle";
import { type EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { ProductDocument } from "../documents/search-document";
import { publicDocumentsAfter, publicDocumentsOf } from "../documents/search-document.queries";
import type { SearchEngine, SearchRequest, SearchResponse } from "../search-engine.port";
import { queryWords } from "../search-terms";
import type { MeiliConfig } from "./meili-config";
import { toFacetCounts } from "./meili-facets";
import { meiliFilter } from "./meili-filter";
import { FACET_FIELDS, MEILI_SETTINGS } from "./meili-settings";
import { meiliSuggestions } from "./meili-suggest";

const MAX_TOTAL_HITS = MEILI_SETTINGS.pagination?.maxTotalHits ?? 1_000;
const REINDEX_BATCH = 2_000;
const REINDEX_WAIT = { timeout: 10 * 60_000, interval: 250 };

/**
 * The Meilisearch adapter. Only public products are in the index (`index` drops the others),
 * so searches need no visibility filter. Cursors carry the offset of the next hit; pages are
 * stable because the ranking rules end in a deterministic order for a fixed index.
 */
export function createMeiliSearchEngine(db: Database, config: MeiliConfig): SearchEngine {
  const client = new Meilisearch({ host: config.host, apiKey: config.apiKey });
  const products = client.index<ProductDocument>(config.indexUid);

  async function settle(task: EnqueuedTaskPromise, wait = config.waitForTasks, options = {}): Promise<void> {
    if (!wait) {
      await task;
      return;
    }
    const done = await task.waitTask(options);
    if (done.status !== "succeeded") {
      throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ""}`);
    }
  }

  let settings: Promise<void> | undefined;
  const ensureSettings = () => {
    settings ??= settle(products.updateSettings(MEILI_SETTINGS), true).catch((error: unknown) => {
      settings = undefined;
      throw error;
    });
    return settings;
  };

  return {
    name: "meilisearch",
    needsSync: true,
    cursorKeys: 1,
    cursorValid: (keys) => keys.length === 1 && /^\d{1,6}$/.test(keys[0] ?? "") && Number(keys[0]) <= MAX_TOTAL_HITS,

    async search(request: SearchRequest): Promise<SearchResponse> {
      const offset = request.after ? Number(request.after[0]) : 0;
      // Exact totals need page/hitsPerPage; an offset that is not a page boundary reads from page 1.
      const aligned = offset % request.first === 0;
      const response = await products.search(queryWords(request.query).join(" "), {
        filter: meiliFilter(request.filter),
        facets: Object.values(FACET_FIELDS),
        hitsPerPage: aligned ? request.first : offset + request.first,
        page: aligned ? offset / request.first + 1 : 1,
        attributesToRetrieve: ["id"],
        matchingStrategy: "all",
      });
      const hits = aligned ? response.hits : response.hits.slice(offset);
      return {
        hits: hits.map((hit, i) => ({ productId: String(hit.id), cursor: [String(offset + i + 1)] })),
        hasNextPage: offset + hits.length < Math.min(response.totalHits, MAX_TOTAL_HITS),
        totalCount: response.totalHits,
        facets: Promise.resolve(toFacetCounts(response.facetDistribution)),
      };
    },

    suggest: (prefix, limit) => meiliSuggestions(db, products, queryWords(prefix).join(" "), limit),

    async index(productIds, reader = db) {
      if (productIds.length === 0) return;
      await ensureSettings();
      const documents = await publicDocumentsOf(reader, productIds);
      const kept = new Set(documents.map((document) => document.id));
      const gone = productIds.filter((id) => !kept.has(id));
      if (documents.length) await settle(products.addDocuments(documents, { primaryKey: "id" }));
      if (gone.length) await settle(products.deleteDocuments([...gone]));
    },

    async remove(productIds) {
      if (productIds.length) await settle(products.deleteDocuments([...productIds]));
    },

    /** Builds a fresh index beside the live one and swaps them, so searches never see a half-built index. */
    async reindexAll() {
      const building = client.index<ProductDocument>(`${config.indexUid}_reindex`);
      await client.deleteIndexIfExists(building.uid);
      await settle(building.updateSettings(MEILI_SETTINGS), true, REINDEX_WAIT);
      let indexed = 0;
      for (let after: string | null = null; ; ) {
        const batch = await publicDocumentsAfter(db, after, REINDEX_BATCH);
        if (batch.length === 0) break;
        await settle(building.addDocuments(batch, { primaryKey: "id" }), true, REINDEX_WAIT);
        indexed += batch.length;
        after = batch.at(-1)?.id ?? null;
      }
      await ensureSettings();
      await settle(
        client.swapIndexes([{ indexes: [config.indexUid, building.uid], rename: false }]),
        true,
        REINDEX_WAIT,
      );
      await settle(client.deleteIndex(building.uid), true, REINDEX_WAIT);
      return { indexed };
    },
  };
}
