import { createDatabase } from "@bazaar/drizzle";
import type { SubgraphServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { createServer } from "../src/server";
import { catalogFixtures } from "./fixtures";

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * A fresh database and a catalog subgraph on a free port, spoken to over real HTTP. The server's
 * database counts its statements; fixtures write through an uncounted one.
 */
export async function startCatalog() {
  const testDb: TestDatabase = await createTestDatabase();
  const counter = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  let server: Awaited<ReturnType<SubgraphServer["listen"]>> | undefined;
  try {
    server = await (await createServer({ db })).listen(0);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  const running = server;
  return {
    gql: graphqlClient(`${running.url}/graphql`),
    counter,
    fixtures: catalogFixtures(testDb.db),
    db: testDb.db,
    async stop() {
      await running.stop();
      await testDb.drop();
    },
  };
}
export type Catalog = Awaited<ReturnType<typeof startCatalog>>;

/** The `extensions.code` of the first error, for asserting on failures. */
export const errorCode = (body: { errors?: GraphQLErrorShape[] }) => body.errors?.[0]?.extensions?.code;
