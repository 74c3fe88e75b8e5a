// `npm run db:seed [-- --force]`: migrates, then fills the database with deterministic demo data
// (SEED_SCALE, default 1) unless it is already seeded; --force empties every table first.
import { createDatabase, type Database, migrate } from "@bazaar/drizzle";
import { loadCliEnv, openCliConnection } from "./seed/cli-database";
import { isSeeded, type SeedSummary, seedDemoData, truncateDemoData } from "./seed/index";

const force = process.argv.slice(2).includes("--force");
const env = loadCliEnv();
const { connection, where } = await openCliConnection(env.DATABASE_URL);
try {
  await migrate(connection);
  await seed(createDatabase(connection));
} finally {
  await connection.close();
}

async function seed(db: Database): Promise<void> {
  if (force) {
    console.log(`db:seed: --force, emptying every table in ${where}`);
    await truncateDemoData(db);
  } else if (await isSeeded(db)) {
    console.log(`db:seed: ${where} is already seeded; nothing to do (--force starts over)`);
    return;
  }
  console.log(`db:seed: seeding ${where} at scale ${env.SEED_SCALE}…`);
  print(await seedDemoData(db, { scale: env.SEED_SCALE }));
}

function print(summary: SeedSummary): void {
  const width = Math.max(...Object.keys(summary.counts).map((key) => key.length));
  for (const [key, count] of Object.entries(summary.counts)) {
    console.log(`  ${key.padEnd(width)}  ${count.toLocaleString("en-US").padStart(9)}`);
  }
  const phases = Object.entries(summary.timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`);
  console.log(`db:seed: done — ${phases.join(", ")}`);
}
