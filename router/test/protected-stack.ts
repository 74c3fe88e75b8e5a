import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  defaultVerifierConfig,
  generatePrivateJwk,
  type KeyRing,
  keyRingFromPrivateJwks,
  localVerifier,
  type Role,
  signAccessToken,
} from "@bazaar/auth";
import { tables } from "@bazaar/drizzle";
import type { RunningHttpServer } from "@bazaar/http";
import { createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
// By path: @bazaar/stack depends on @bazaar/router (see router.int.test.ts).
import { type RunningStack, startStack } from "../../packages/stack/src/index";
import { createRouter, type RouterOptions } from "../src/server";

/**
 * Counts every request the router sends to a subgraph: a pass-through proxy per subgraph, so
 * "refused before any subgraph is called" is checked at the wire, whatever the subgraph does.
 */
export interface FetchCounter {
  urls: Record<string, string>;
  readonly count: number;
  /** The GraphQL request bodies sent to subgraphs since the last reset. */
  readonly bodies: string[];
  reset(): void;
  close(): Promise<void>;
}

async function countingProxies(targets: Record<string, string>): Promise<FetchCounter> {
  let count = 0;
  const bodies: string[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [name, target] of Object.entries(targets)) {
    const server = createServer(async (req, res) => {
      count += 1;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === "string" && !["host", "connection", "content-length"].includes(entry[0]),
        ),
      );
      const upstream = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    get count() {
      return count;
    },
    bodies,
    reset: () => {
      count = 0;
      bodies.length = 0;
    },
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

export interface ProtectedStack {
  testDb: TestDatabase;
  ring: KeyRing;
  fetches: FetchCounter;
  /** A router of its own over the stack's subgraphs (through the counting proxies). */
  router(options?: Partial<RouterOptions>): Promise<RunningHttpServer & { gql: ReturnType<typeof graphqlClient> }>;
  token(roles: Role[], userId?: string): Promise<string>;
  stop(): Promise<void>;
}

/** IDs of the rows `startProtectedStack` inserts. */
export const SEED = { seller: "sel_prot1", product: "prd_prot1", author: "usr_prot_author", slug: "brass-lamp" };

async function seed(db: TestDatabase["db"]): Promise<void> {
  await db
    .insert(tables.sellers)
    .values({ id: SEED.seller, userId: "usr_prot_owner", name: "Acme", slug: "acme", status: "ACTIVE" });
  await db.insert(tables.sellerListings).values({ sellerId: SEED.seller, active: true });
  await db.insert(tables.categories).values({ id: "cat_prot1", name: "Lamps", slug: "lamps" });
  await db.insert(tables.products).values({
    id: SEED.product,
    sellerId: SEED.seller,
    categoryId: "cat_prot1",
    title: "Brass lamp",
    slug: SEED.slug,
    status: "ACTIVE",
  });
  await db.insert(tables.users).values({ id: SEED.author, email: "author@example.test", name: "Ann Author" });
  await db.insert(tables.reviews).values({
    id: "rev_prot1",
    productId: SEED.product,
    authorId: SEED.author,
    rating: 5,
    title: "Bright",
    body: "Lights the room.",
  });
}

/** The five real subgraphs on a fresh database with one product, its seller and a review. */
export async function startProtectedStack(): Promise<ProtectedStack> {
  const testDb = await createTestDatabase();
  await seed(testDb.db);
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  const stack: RunningStack = await startStack({ connection: testDb.connection, keyRing: ring });
  const fetches = await countingProxies(stack.subgraphUrls);
  const routers: RunningHttpServer[] = [];
  return {
    testDb,
    ring,
    fetches,
    async router(options = {}) {
      const running = await createRouter({
        verifyToken: localVerifier(ring),
        jwksUrl: `${stack.subgraphUrls.users?.replace(/\/graphql$/, "")}/.well-known/jwks.json`,
        subgraphUrls: fetches.urls,
        graphiql: false,
        ...options,
      }).listen(0);
      routers.push(running);
      return Object.assign(running, { gql: graphqlClient(`${running.url}/graphql`) });
    },
    async token(roles, userId = "usr_prot_viewer") {
      return (await signAccessToken(ring, defaultVerifierConfig(), { userId, roles, sellerId: null })).token;
    },
    async stop() {
      for (const running of routers) await running.stop();
      await fetches.close();
      await stack.stop();
      await testDb.drop();
    },
  };
}
