import { createDatabase, openConnection } from "@bazaar/drizzle";
import { loadEnv } from "./env";
import { createServer } from "./server";

const env = loadEnv();
const connection = await openConnection({ url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE });
const server = await createServer({ db: createDatabase(connection), production: env.NODE_ENV === "production" });
const running = await server.listen(env.PORT, env.HOST);
console.log(JSON.stringify({ level: "info", msg: "sellers subgraph ready", url: `${running.url}/graphql` }));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await running.stop();
    await connection.close();
    process.exit(0);
  });
}
