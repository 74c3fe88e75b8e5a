import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import { tables } from "@bazaar/drizzle";
import type { RunningHttpServer } from "@bazaar/http";
import { createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// By path: @bazaar/stack depends on @bazaar/router, and turbo rejects the cycle a
// devDependency back would create.
import { type RunningStack, startStack } from "../../packages/stack/src/index";
import { createRouter } from "../src/server";

let testDb: TestDatabase;
let stack: RunningStack;
// The stand-in tests below verify tokens against this ring; its JWKS is never fetched.
const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const auth = { verifyToken: localVerifier(ring), jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const [index, name] of ["Cobalt Goods", "Acme", "Birch & Co", "Dune Supply"].entries()) {
    await testDb.db.insert(tables.sellers).values({
      id: `sel_router${index}`,
      userId: `usr_router${index}`,
      name,
      slug: `router-${index}`,
      status: "ACTIVE",
    });
  }
  stack = await startStack({
    connection: testDb.connection,
    ports: { router: 0, users: 0, catalog: 0, orders: 0, sellers: 0, recommendations: 0 },
  });
});

afterAll(async () => {
  await stack?.stop();
  await testDb?.drop();
});

describe("the router over the whole stack", () => {
  it("answers a query planned against the committed supergraph", async () => {
    const res = await graphqlClient(stack.routerUrl)(`{ sellers(first: 3) { edges { node { name } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      sellers: {
        edges: [{ node: { name: "Acme" } }, { node: { name: "Birch & Co" } }, { node: { name: "Cobalt Goods" } }],
      },
    });
  });

  it("rejects an unknown field with 400 and GRAPHQL_VALIDATION_FAILED before calling any subgraph", async () => {
    const res = await graphqlClient(stack.routerUrl)(`{ sellers(first: 3) { edges { node { nickname } } } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("reports health on /healthz", async () => {
    const res = await fetch(new URL("/healthz", stack.routerUrl));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", service: "router" });
  });

  it("echoes the caller's x-request-id", async () => {
    const res = await graphqlClient(stack.routerUrl)(`{ __typename }`, {}, { "x-request-id": "trace-42" });
    expect(res.headers.get("x-request-id")).toBe("trace-42");
  });
});

describe("the router against a stand-in sellers subgraph", () => {
  let fake: Server;
  let fakeUrl: string;
  type Seen = { requestId?: string; authorization?: string; cookie?: string; clientIp?: string; body: string };
  const seen: Seen[] = [];
  let router: RunningHttpServer;
  let connections = 0;

  beforeAll(async () => {
    // Stands in for the sellers subgraph, so a response can only come from the overriding URL.
    fake = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const { authorization, cookie } = req.headers;
        const [requestId, clientIp] = [req.headers["x-request-id"], req.headers["x-bazaar-client-ip"]] as string[];
        seen.push({ requestId, authorization, cookie, clientIp, body });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: { sellers: { edges: [{ node: { name: "From the override" } }] } } }));
      });
    });
    fake.on("connection", () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
    router = await createRouter({ ...auth, subgraphUrls: { sellers: fakeUrl } }).listen(0);
  });

  afterAll(async () => {
    await router?.stop();
    await new Promise((resolve) => fake?.close(resolve));
  });

  it("sends the subgraph's fetches to the override instead of the supergraph's url", async () => {
    const res = await graphqlClient(`${router.url}/graphql`)(`{ sellers(first: 1) { edges { node { name } } } }`);
    expect(res.body).toEqual({ data: { sellers: { edges: [{ node: { name: "From the override" } }] } } });
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]?.body ?? "{}").query).toContain("sellers");
  });

  it("forwards the request id and the verified bearer token, and no other client header", async () => {
    seen.length = 0;
    const { token } = await signAccessToken(ring, defaultVerifierConfig(), {
      userId: "usr_1",
      roles: ["CUSTOMER"],
      sellerId: null,
    });
    await graphqlClient(`${router.url}/graphql`)(
      `{ sellers(first: 1) { edges { node { name } } } }`,
      {},
      {
        "x-request-id": "override-check",
        authorization: `Bearer ${token}`,
        cookie: "session=secret",
        "x-bazaar-client-ip": "6.6.6.6",
        "x-bazaar-service-token": "forged-service-token-forged-service-token",
      },
    );
    expect(seen[0]).toMatchObject({ requestId: "override-check", authorization: `Bearer ${token}`, cookie: undefined });
    expect(seen[0]?.clientIp).not.toBe("6.6.6.6");
  });

  it("reuses one keep-alive connection for consecutive subgraph fetches", async () => {
    const before = connections;
    const query = graphqlClient(`${router.url}/graphql`);
    for (let i = 0; i < 3; i += 1) await query(`{ sellers(first: 1) { edges { node { name } } } }`);
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it("allows introspection in development and refuses it in production", async () => {
    const introspect = `{ __schema { queryType { name } } }`;
    const development = await graphqlClient(`${router.url}/graphql`)(introspect);
    expect(development.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });

    const production = await createRouter({ ...auth, subgraphUrls: { sellers: fakeUrl }, production: true }).listen(0);
    try {
      const refused = await graphqlClient(`${production.url}/graphql`)(introspect);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    } finally {
      await production.stop();
    }
  });

  it("refuses to start with an override for a subgraph the supergraph does not have", async () => {
    await expect(createRouter({ ...auth, subgraphUrls: { selers: fakeUrl } }).listen(0)).rejects.toThrow(
      /No subgraph named selers in the supergraph/,
    );
  });
});
