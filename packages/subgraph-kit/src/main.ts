import { createAccessTokenVerifier, defaultVerifierConfig, remoteKeySet } from "@bazaar/auth";
import { createDatabase, openConnection } from "@bazaar/drizzle";
import { createBus, OUTBOXES, startHousekeeping, startRelays } from "@bazaar/events";
import { z } from "zod";
import { parseEnv, subgraphEnvShape } from "./env";
import type { SubgraphDeps, SubgraphServer } from "./server";

export type SubgraphFactory = (deps: SubgraphDeps) => Promise<SubgraphServer>;

/**
 * Entry point of a subgraph deployed on its own: configuration from the environment, a pool on
 * DATABASE_URL, graceful shutdown on SIGINT/SIGTERM. (`npm start` runs every subgraph in one process
 * on the embedded database instead; see scripts/start.ts.)
 */
export async function runSubgraph(name: string, defaultPort: number, createServer: SubgraphFactory): Promise<void> {
  const env = parseEnv(
    z
      .object({
        ...subgraphEnvShape,
        DATABASE_URL: z.string().url({ message: `is required to run the ${name} subgraph on its own` }),
        PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
      })
      .refine((env) => env.NODE_ENV !== "production" || env.SERVICE_TOKEN, {
        message: "SERVICE_TOKEN (32+ characters, shared with the router) is required in production",
        path: ["SERVICE_TOKEN"],
      }),
  );
  const production = env.NODE_ENV === "production";
  const verifyToken = createAccessTokenVerifier(
    remoteKeySet(env.AUTH_JWKS_URL),
    defaultVerifierConfig({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE }),
  );
  const connection = await openConnection({ url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE });
  // The Postgres bus: consumers and subscribers here see events relayed by any process.
  const bus = await createBus(connection);
  const server = await createServer({
    db: createDatabase(connection),
    production,
    verifyToken,
    serviceToken: env.SERVICE_TOKEN,
    bus,
  });
  const running = await server.listen(env.PORT, env.HOST);
  // Each process relays its own subgraph's outbox; replicas share the work through SKIP LOCKED.
  const ownTables = name in OUTBOXES ? [name] : [];
  const relays = await startRelays(connection, bus, ownTables);
  const housekeeping = startHousekeeping(connection, bus, ownTables);
  console.log(JSON.stringify({ level: "info", msg: `${name} subgraph ready`, url: `${running.url}/graphql` }));

  const shutdown = async () => {
    await relays.stop();
    await housekeeping.stop();
    await running.stop();
    await bus.close();
    await connection.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
