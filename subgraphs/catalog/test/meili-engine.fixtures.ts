import { createTestDatabase } from "@bazaar/testing";
import { createMeiliSearchEngine } from "../src/search/meilisearch/meili-search.engine";
import { insertContractCatalog } from "../src/search/search-contract.fixtures";
import { startMeiliRecorder } from "./meili-recorder";

/**
 * The Meilisearch adapter without a Meilisearch: the real `meilisearch` client talks to a stand-in
 * that records requests (meili-recorder.ts), over the search contract's catalog. Whether a real
 * Meilisearch then answers as the contract requires is checked in search-meilisearch.int.test.ts
 * when MEILI_HOST is set.
 */
export async function startRecordedMeili() {
  const [testDb, meili] = await Promise.all([createTestDatabase(), startMeiliRecorder()]);
  await insertContractCatalog(testDb.db);
  const engine = createMeiliSearchEngine(testDb.db, {
    host: meili.host,
    apiKey: "test-key",
    indexUid: "shop",
    waitForTasks: true,
  });
  return {
    engine,
    meili,
    calls: () => meili.requests.map((r) => `${r.method} ${r.path}`),
    async stop() {
      await meili.stop();
      await testDb.drop();
    },
  };
}
export type RecordedMeili = Awaited<ReturnType<typeof startRecordedMeili>>;
