import { composeServices } from "@apollo/composition";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  type AccessTokenSubject,
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import { tables } from "@bazaar/drizzle";
import type { RunningHttpServer } from "@bazaar/http";
import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { type GraphQLSchema, graphql, parse } from "graphql";
// By path, as the other router tests reach the stack: the router does not depend on subgraphs.
import { createServer as createCatalog, buildSchema as catalogSchema } from "../../subgraphs/catalog/src/server";
import { createServer as createSellers, buildSchema as sellersSchema } from "../../subgraphs/sellers/src/server";
import { createRouter, type RouterOptions } from "../src/server";
import { createPricing } from "./pricing-subgraph";

export const SEED = { seller: "sel_subs1", product: "prd_subs1", title: "Brass lamp", sellerName: "Acme Lighting" };

async function seed(db: TestDatabase["db"]): Promise<void> {
  await db.insert(tables.sellers).values({
    id: SEED.seller,
    userId: "usr_subs_owner",
    name: SEED.sellerName,
    slug: "acme-lighting",
    status: "ACTIVE",
  });
  await db.insert(tables.sellerListings).values({ sellerId: SEED.seller, active: true });
  await db.insert(tables.categories).values({ id: "cat_subs1", name: "Lamps", slug: "lamps-subs" });
  await db.insert(tables.products).values({
    id: SEED.product,
    sellerId: SEED.seller,
    categoryId: "cat_subs1",
    title: SEED.title,
    slug: "brass-lamp-subs",
    status: "ACTIVE",
  });
}

/** A subgraph's SDL as the router would fetch it (`_service { sdl }`), without @apollo/subgraph. */
async function serviceSdl(schema: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema, source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
  if (!sdl) throw new Error(`no _service.sdl: ${JSON.stringify(result.errors)}`);
  return sdl;
}

export type Pricing = ReturnType<typeof createPricing>;

export interface SubscriptionStack {
  /** ws://…/graphql of the router. */
  wsUrl: string;
  httpUrl: string;
  router: RunningHttpServer;
  pricing: Pricing;
  /** Signs an access token; `ttlSeconds` shortens its life (signed as if issued earlier). */
  token(subject?: Partial<AccessTokenSubject>, ttlSeconds?: number): Promise<string>;
  /** The router's /metrics value of one unlabelled metric. */
  metric(name: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * Real catalog and sellers subgraphs on a fresh database, the stand-in pricing subgraph serving
 * graphql-ws, a supergraph composed from the three here, and a real router over them. Every hop
 * carries a service token, as in production.
 */
export async function startSubscriptionStack(options: Partial<RouterOptions> = {}): Promise<SubscriptionStack> {
  const testDb = await createTestDatabase();
  await seed(testDb.db);
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  const verifyToken = localVerifier(ring);
  const serviceToken = "subscription-test-service-token-0123456789";
  const deps = { verifyToken, serviceToken };
  const pricing = createPricing();
  const running: RunningHttpServer[] = [];
  const listen = async (server: { listen(port: number): Promise<RunningHttpServer> }) => {
    const started = await server.listen(0);
    running.push(started);
    return `${started.url}/graphql`;
  };
  const urls = {
    catalog: await listen(await createCatalog({ db: testDb.db, ...deps, reservationSweepIntervalMs: 0 })),
    sellers: await listen(await createSellers({ db: testDb.db, ...deps })),
    pricing: await listen(await pricing.createServer(deps)),
  };
  const schemas = {
    catalog: await catalogSchema(),
    sellers: await sellersSchema(),
    pricing: await pricing.buildSchema(),
  };
  const composed = composeServices(
    await Promise.all(
      (Object.keys(urls) as (keyof typeof urls)[]).map(async (name) => ({
        name,
        url: urls[name],
        typeDefs: parse(await serviceSdl(schemas[name])),
      })),
    ),
  );
  if (composed.errors) throw new Error(composed.errors.map(String).join("\n"));
  const router = await createRouter({
    supergraphSdl: composed.supergraphSdl,
    verifyToken,
    jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json",
    serviceToken,
    graphiql: false,
    ...options,
  }).listen(0);
  return {
    wsUrl: `${router.url.replace(/^http/, "ws")}/graphql`,
    httpUrl: `${router.url}/graphql`,
    router,
    pricing,
    async token(subject = {}, ttlSeconds) {
      const config = defaultVerifierConfig();
      const issued =
        ttlSeconds === undefined ? new Date() : new Date(Date.now() - (ACCESS_TOKEN_TTL_SECONDS - ttlSeconds) * 1000);
      const full = { userId: "usr_subs_viewer", roles: ["CUSTOMER" as const], sellerId: null, ...subject };
      return (await signAccessToken(ring, config, full, issued)).token;
    },
    async metric(name) {
      const text = await (await fetch(`${router.url}/metrics`)).text();
      const line = text.split("\n").find((l) => l.startsWith(`${name} `));
      return line === undefined ? undefined : Number(line.split(" ")[1]);
    },
    async stop() {
      await router.stop();
      for (const server of running) await server.stop();
      await testDb.drop();
    },
  };
}
