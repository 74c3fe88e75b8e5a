// Child process of the router benchmark: one gateway under test, alone in its process, so its CPU
// time can be read with process.cpuUsage(). BENCH_TARGET picks which:
// - "router": Bazaar's router as router/src/index.ts starts it in production (protections with
//   their defaults, request logs at info, metrics with process metrics, token verification
//   against users' JWKS, service token), only the rate-limit quota raised (BENCH_RATE_QUOTA).
// - "stock": `new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) })` with default
//   options on @apollo/server/standalone; the SDL is the supergraph without the authorization
//   directives the stock gateway refuses to load (the same text the router's own gateway gets).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createAccessTokenVerifier, defaultVerifierConfig, remoteKeySet } from "@bazaar/auth";
import type * as RouterModule from "@bazaar/router";
import { serveParent } from "./bench-child";

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

type RouterParts = Pick<typeof RouterModule, "createRouter" | "createLogger" | "createRouterMetrics">;

/** This checkout's router, or the one in BENCH_ROUTER_SRC (another checkout's router/src) to compare versions. */
async function routerParts(): Promise<RouterParts> {
  const src = process.env.BENCH_ROUTER_SRC;
  if (!src) return import("@bazaar/router");
  const load = (file: string) => import(pathToFileURL(join(src, file)).href);
  const [server, observability] = await Promise.all([load("server.ts"), load("observability/index.ts")]);
  return { ...observability, ...server } as RouterParts;
}

async function startBazaarRouter() {
  const { createLogger, createRouter, createRouterMetrics } = await routerParts();
  const subgraphUrls = JSON.parse(required("BENCH_SUBGRAPH_URLS")) as Record<string, string>;
  const jwksUrl = new URL("/.well-known/jwks.json", subgraphUrls.users).href;
  const running = await createRouter({
    supergraphPath: required("BENCH_SUPERGRAPH_PATH"),
    watchSupergraph: false,
    subgraphUrls,
    production: true,
    verifyToken: createAccessTokenVerifier(remoteKeySet(jwksUrl), defaultVerifierConfig()),
    jwksUrl,
    serviceToken: randomBytes(24).toString("base64url"),
    // One client address sends everything: at the default quota it would be refused within a second.
    protection: { rateLimit: { anonymousQuota: Number(process.env.BENCH_RATE_QUOTA ?? 1_000_000_000) } },
    logger: createLogger({ level: process.env.LOG_LEVEL ?? "info" }),
    metrics: createRouterMetrics({ processMetrics: true }),
    graphiql: false,
  }).listen(0, "127.0.0.1");
  return { ready: { url: `${running.url}/graphql` }, stop: running.stop };
}

async function startStockGateway() {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(required("BENCH_STOCK_SDL_PATH"), "utf8") }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { ready: { url }, stop: () => server.stop() };
}

// tsx turns on source-mapped stack traces; a deployed stock gateway (plain JavaScript) has none, and
// its HTTP client captures a stack per subgraph fetch. Off in both targets, so neither pays for them.
process.setSourceMapsEnabled(false);

serveParent(() => (process.env.BENCH_TARGET === "stock" ? startStockGateway() : startBazaarRouter()));
