// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
// PGlite under .data/pglite when it is unset.
import { migrate } from "@bazaar/drizzle";
import { loadCliEnv, openCliConnection } from "./seed/cli-database";

const env = loadCliEnv();
const { connection, where } = await openCliConnection(env.DATABASE_URL);
try {
  const started = performance.now();
  await migrate(connection);
  console.log(`db:migrate: ${where} is up to date (${Math.round(performance.now() - started)} ms)`);
} finally {
  await connection.close();
}
