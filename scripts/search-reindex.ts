// `npm run search:reindex` (or `tsx scripts/search-reindex.ts`): rebuilds the product search index
// from the catalog tables of DATABASE_URL (or the embedded PGlite under .data/pglite). With
// MEILI_HOST set that is the Meilisearch index (built beside the live one, then swapped in);
// otherwise the Postgres adapter's category paths and word list, which triggers normally keep.
import { searchEngineFor } from "@bazaar/catalog/search";
import { createDatabase, migrate } from "@bazaar/drizzle";
import { loadCliEnv, openCliConnection } from "./seed/cli-database";

const env = loadCliEnv();
const { connection, where } = await openCliConnection(env.DATABASE_URL);
try {
  await migrate(connection);
  const engine = searchEngineFor(createDatabase(connection));
  const started = performance.now();
  console.log(`search-reindex: rebuilding the ${engine.name} index from ${where}…`);
  const { indexed } = await engine.reindexAll();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`search-reindex: ${indexed.toLocaleString("en-US")} searchable products indexed in ${seconds} s`);
} finally {
  await connection.close();
}
