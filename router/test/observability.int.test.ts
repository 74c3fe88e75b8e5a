import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { graphqlClient } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/observability";
import { subgraphEndpoints } from "../src/resilience";
import { defaultSupergraphPath } from "../src/env";
import { createRouter } from "../src/server";
import { answer, deadUrl, type StandIn, startStandIn } from "./stand-in";
import { readFileSync } from "node:fs";

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const auth = { verifyToken: localVerifier(ring), jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" };
const SUBGRAPHS = Object.keys(subgraphEndpoints(readFileSync(defaultSupergraphPath, "utf8"), {}));

const lines: Record<string, unknown>[] = [];
const logger = createLogger({ destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
let standIns: StandIn[];
let router: RunningHttpServer;
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  standIns = await Promise.all(
    SUBGRAPHS.map(() =>
      startStandIn((_r, res) => answer(res, { data: { seller: { __typename: "Seller", id: "s", name: "Acme" } } })),
    ),
  );
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name, i) => [name, standIns[i]?.url as string]));
  router = await createRouter({ ...auth, graphiql: false, logger, subgraphUrls }).listen(0);
  gql = graphqlClient(`${router.url}/graphql`);
});

afterAll(async () => {
  await router?.stop();
  for (const standIn of standIns ?? []) await standIn.close();
});

const requestLines = () => lines.filter((line) => line.msg === "request");

describe("request logs", () => {
  it("write one JSON line per request with id, client, operation, duration and no secrets", async () => {
    const { token } = await signAccessToken(ring, defaultVerifierConfig(), {
      userId: "usr_1",
      roles: ["CUSTOMER"],
      sellerId: null,
    });
    lines.length = 0;
    await gql(
      `query SellerCard($slug: String) { seller(slug: $slug) { name } }`,
      { slug: "acme", password: "hunter2-hunter2" },
      {
        authorization: `Bearer ${token}`,
        "x-request-id": "log-check-1",
        "apollographql-client-name": "storefront",
        "apollographql-client-version": "1.4.0",
      },
    );
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: "info",
        service: "router",
        requestId: "log-check-1",
        client: "storefront",
        clientVersion: "1.4.0",
        operationName: "SellerCard",
        operationType: "query",
        status: 200,
        outcome: "success",
        durationMs: expect.any(Number),
        time: expect.any(String),
      }),
    ]);
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("hunter2");
  });

  it("name the error codes of a refused request", async () => {
    lines.length = 0;
    await gql(`{ seller(slug: "acme") { nickname } }`);
    expect(requestLines()[0]).toMatchObject({
      status: 400,
      outcome: "error",
      errorCodes: ["GRAPHQL_VALIDATION_FAILED"],
    });
    const badToken = await gql(`{ __typename }`, {}, { authorization: "Bearer not-a-token" });
    expect(badToken.status).toBe(401);
    expect(requestLines()[1]).toMatchObject({ status: 401, errorCodes: ["UNAUTHENTICATED"] });
  });
});

describe("GET /metrics", () => {
  it("exposes request, error, latency, subgraph fetch, socket and subscription metrics", async () => {
    await gql(`query Card { seller(slug: "acme") { name } }`);
    const res = await fetch(`${router.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/bazaar_router_requests_total\{operation_type="query",outcome="success"\} [1-9]/);
    expect(text).toMatch(/bazaar_router_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/);
    expect(text).toMatch(/bazaar_router_request_duration_seconds_bucket\{le="\+Inf",operation_type="query"\} [1-9]/);
    expect(text).toMatch(
      /bazaar_router_subgraph_fetch_duration_seconds_count\{subgraph="sellers",outcome="ok"\} [1-9]/,
    );
    // This very scrape holds a connection open.
    expect(text).toMatch(/bazaar_router_active_sockets [1-9]/);
    expect(text).toMatch(/bazaar_router_active_subscriptions 0/);
  });
});

describe("GET /readyz", () => {
  it("is ready when every subgraph answers its /healthz", async () => {
    const res = await fetch(`${router.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; subgraphs: Record<string, string> };
    expect(body.status).toBe("ready");
    expect(Object.keys(body.subgraphs).sort()).toEqual([...SUBGRAPHS].sort());
  });

  it("is not ready (503) while a subgraph is down, naming it; /healthz stays 200", async () => {
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name, i) => [name, standIns[i]?.url as string]));
    const partial = await createRouter({
      ...auth,
      graphiql: false,
      subgraphUrls: { ...subgraphUrls, catalog: await deadUrl() },
    }).listen(0);
    try {
      const res = await fetch(`${partial.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: "not ready",
        subgraphs: { catalog: "unreachable", sellers: "ok" },
      });
      expect((await fetch(`${partial.url}/healthz`)).status).toBe(200);
    } finally {
      await partial.stop();
    }
  });
});
