import {
  type AccessTokenSubject,
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import { createDatabase, type Database } from "@bazaar/drizzle";
import type { Bus } from "@bazaar/events";
import type { SubgraphServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { type SearchEngine, useSearchEngine } from "../src/search";
import { createServer } from "../src/server";
import { catalogFixtures } from "./fixtures";

export interface GraphQLErrorShape {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface CatalogOptions {
  /** Pool size of the server's database; concurrency tests need more than the default 10. */
  maxConnections?: number;
  /** The event bus the server subscribes to (e.g. `new InProcessBus()`); none by default. */
  bus?: Bus;
  /** The search engine of the server's database (`useSearchEngine`), e.g. one that records indexing. */
  searchEngine?: (db: Database) => SearchEngine;
}

/**
 * A fresh database and a catalog subgraph on a free port, spoken to over real HTTP. The server's
 * database counts its statements; fixtures write through an uncounted one. Tokens signed with
 * `tokenFor` are verified by the server as the router's would be. The reservation sweeper is off:
 * tests call `sweepExpiredReservations` themselves.
 */
export async function startCatalog(options: CatalogOptions = {}) {
  const testDb: TestDatabase = await createTestDatabase({ maxConnections: options.maxConnections });
  const counter = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  if (options.searchEngine) useSearchEngine(db, options.searchEngine(db));
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  let server: Awaited<ReturnType<SubgraphServer["listen"]>> | undefined;
  try {
    const deps = { db, verifyToken: localVerifier(ring), reservationSweepIntervalMs: 0, bus: options.bus };
    server = await (await createServer(deps)).listen(0);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  const running = server;
  const url = `${running.url}/graphql`;
  return {
    url,
    gql: graphqlClient(url),
    /** A client whose requests carry an access token for this subject. */
    async as(subject: Partial<AccessTokenSubject> & { userId: string }) {
      const { token } = await signAccessToken(ring, defaultVerifierConfig(), { roles: ["CUSTOMER"], sellerId: null, ...subject });
      return graphqlClient(url, { authorization: `Bearer ${token}` });
    },
    counter,
    fixtures: catalogFixtures(testDb.db),
    db: testDb.db,
    /** The test database's connection, for relays (`createRelay`). */
    connection: testDb.connection,
    async stop() {
      await running.stop();
      await testDb.drop();
    },
  };
}
export type Catalog = Awaited<ReturnType<typeof startCatalog>>;
export type Client = ReturnType<typeof graphqlClient>;

/** The `extensions.code` of the first error, for asserting on failures. */
export const errorCode = (body: { errors?: GraphQLErrorShape[] }) => body.errors?.[0]?.extensions?.code;
