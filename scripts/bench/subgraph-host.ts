// Child process of the router benchmark: the five subgraphs on DATABASE_URL, in one process as
// `npm start` runs them, in production mode. Both gateways under test call these same subgraphs.
// (startStack also starts a router of its own; the benchmark never sends it a request.)
import { openConnection } from "@bazaar/drizzle";
import { startStack } from "@bazaar/stack";
import { serveParent } from "./bench-child";

serveParent(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const connection = await openConnection({ url, maxConnections: Number(process.env.BENCH_POOL_SIZE ?? 20) });
  const stack = await startStack({ connection, production: true });
  return {
    ready: { subgraphUrls: stack.subgraphUrls },
    async stop() {
      await stack.stop();
      await connection.close();
    },
  };
});
