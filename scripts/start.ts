// `npm start`: the whole marketplace in one process — database (PGlite under .data/ unless
// DATABASE_URL is set), migrations, demo data on first run, five subgraphs and the router.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOrCreateKeyRing } from "@bazaar/auth";
import { type Connection, createDatabase, migrate, openConnection } from "@bazaar/drizzle";
import { loadPaymentsConfig } from "@bazaar/orders";
import { DEFAULT_PORTS, PortInUseError, type RunningStack, startStack } from "@bazaar/stack";
import { parseEnv } from "@bazaar/subgraph-kit";
import { z } from "zod";
import { isSeeded, seedDemoData } from "./seed/index";
import { banner } from "./start/banner";
import { takenPorts } from "./start/ports";
import { onShutdownSignal } from "./start/shutdown";

const env = parseEnv(
  z.object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORTS.router),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    SEED_SCALE: z.coerce.number().positive().default(1),
    /** users' signing keys; created on first start so tokens survive restarts. */
    AUTH_KEYS_FILE: z.string().min(1).optional(),
  }),
);
const ports = { ...DEFAULT_PORTS, router: env.PORT };

const taken = await takenPorts(env.HOST, ports);
if (taken.length > 0) {
  for (const [service, port] of taken)
    console.error(`start: port ${port} (${service}) on ${env.HOST} is already in use`);
  console.error("start: stop whatever holds it (another `npm start`?) or set PORT for the router, then retry.");
  process.exit(1);
}

const dataRoot = join(fileURLToPath(new URL("..", import.meta.url)), ".data");
const dataDir = join(dataRoot, "pglite");

let connection: Connection | undefined;
let stack: RunningStack | undefined;
// Registered before the slow steps, so Ctrl-C during seeding still closes PGlite cleanly.
const shutdown = onShutdownSignal(async () => {
  try {
    await stack?.stop();
  } finally {
    // Closing PGlite flushes its data directory, so the next start finds it consistent.
    await connection?.close();
  }
});

async function main(): Promise<void> {
  if (!env.DATABASE_URL) mkdirSync(dirname(dataDir), { recursive: true });
  const databaseStart = performance.now();
  connection = await openConnection({ url: env.DATABASE_URL, dataDir, maxConnections: env.DATABASE_POOL_SIZE });
  await migrate(connection).catch((error: unknown) => {
    if (!env.DATABASE_URL) {
      // Before the first release the init migration is regenerated in place, so an old .data cannot follow it.
      console.error(`start: the embedded database in ${dataDir} does not match the current migrations.`);
      console.error(`start: delete it (rm -rf ${dataDir}) and start again to recreate and reseed it.`);
    }
    throw error;
  });
  const databaseMs = performance.now() - databaseStart;

  let seedMs: number | undefined;
  const db = createDatabase(connection);
  if (!(await isSeeded(db))) {
    console.log(`start: first run, seeding demo data (scale ${env.SEED_SCALE})…`);
    const seedStart = performance.now();
    const { counts } = await seedDemoData(db, { scale: env.SEED_SCALE });
    seedMs = performance.now() - seedStart;
    const summary = ["products", "sellers", "users", "orders", "reviews"] as const;
    console.log(`start: seeded ${summary.map((key) => `${counts[key]} ${key}`).join(", ")}`);
  }

  const servicesStart = performance.now();
  const keyRing = await loadOrCreateKeyRing(env.AUTH_KEYS_FILE ?? join(dataRoot, "keys", "signing-keys.json"));
  const production = env.NODE_ENV === "production";
  // STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET select Stripe; without them orders uses the sandbox.
  const payments = loadPaymentsConfig();
  stack = await startStack({ connection, ports, host: env.HOST, production, keyRing, payments });
  const ready = performance.now();

  const database = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`;
  // performance.now() counts from process start, so the total includes loading the code.
  const timings = { totalMs: ready, databaseMs, seedMs, servicesMs: ready - servicesStart };
  console.log(banner(stack, database, timings));
}

main().catch(async (error: unknown) => {
  // Interrupted mid-start: the shutdown handler closes everything and exits.
  if (shutdown.requested) return;
  if (error instanceof PortInUseError) {
    console.error(`start: port ${error.port} (${error.service}) on ${error.host} is already in use`);
  } else {
    console.error("start: failed:", error);
  }
  await connection?.close().catch(() => {});
  process.exit(1);
});
