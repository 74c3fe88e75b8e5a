import { createDatabase, type Database, openConnection } from "@bazaar/drizzle";
import { z } from "zod";
import { parseEnv, subgraphEnvShape } from "./env";
import type { SubgraphServer } from "./server";

export type SubgraphFactory = (deps: { db: Database; production: boolean }) => Promise<SubgraphServer>;

/**
 * Entry point of a subgraph deployed on its own: configuration from the environment, a pool on
 * DATABASE_URL, graceful shutdown on SIGINT/SIGTERM. (`npm start` runs every subgraph in one process
 * on the embedded database instead; see scripts/start.ts.)
 */
export async function runSubgraph(name: string, defaultPort: number, createServer: SubgraphFactory): Promise<void> {
  const env = parseEnv(
    z.object({
      ...subgraphEnvShape,
      DATABASE_URL: z.string().url({ message: `is required to run the ${name} subgraph on its own` }),
      PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    }),
  );
  const connection = await openConnection({ url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE });
  const server = await createServer({ db: createDatabase(connection), production: env.NODE_ENV === "production" });
  const running = await server.listen(env.PORT, env.HOST);
  console.log(JSON.stringify({ level: "info", msg: `${name} subgraph ready`, url: `${running.url}/graphql` }));

  const shutdown = async () => {
    await running.stop();
    await connection.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
