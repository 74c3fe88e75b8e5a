import { randomBytes } from "node:crypto";
import { createTestDatabase } from "@bazaar/testing";
import { Meilisearch } from "meilisearch";
import { describe, it } from "vitest";
import { createMeiliSearchEngine } from "../src/search/meilisearch/meili-search.engine";
import { searchEngineContract } from "../src/search/search-engine.contract";

/**
 * The contract against a real Meilisearch. It needs a server, so it runs only when MEILI_HOST
 * is set (plus MEILI_API_KEY if the server has a master key); each run uses its own index.
 */
const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY;

if (host) {
  searchEngineContract(`Meilisearch at ${host}`, async () => {
    const testDb = await createTestDatabase();
    const indexUid = `bazaar_contract_${randomBytes(6).toString("hex")}`;
    const engine = createMeiliSearchEngine(testDb.db, { host, apiKey, indexUid, waitForTasks: true });
    return {
      engine,
      db: testDb.db,
      sync: (productIds) => engine.index(productIds),
      async stop() {
        await new Meilisearch({ host, apiKey }).deleteIndexIfExists(indexUid);
        await testDb.drop();
      },
    };
  });
} else {
  console.warn("search-meilisearch.int.test.ts: NOT RUN, MEILI_HOST is not set (no Meilisearch server configured).");
  describe("SearchEngine contract: Meilisearch", () => {
    // The one conditional run in the suite: there is no Meilisearch server without configuration.
    it.skip("NOT RUN: MEILI_HOST is not set; set MEILI_HOST (and MEILI_API_KEY) to run the contract against a real Meilisearch", () => {});
  });
}
