import type { ServerResponse } from "node:http";
import { generatePrivateJwk, keyRingFromPrivateJwks, localVerifier } from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { graphqlClient } from "@bazaar/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ResilienceOptions } from "../src/resilience";
import { createRouter } from "../src/server";
import { answer, deadUrl, type StandIn, type StandInHandler, startStandIn } from "./stand-in";

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const auth = { verifyToken: localVerifier(ring), jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" };

const SELLER = { __typename: "Seller", id: "sel_1", name: "Acme" };
const sellers: StandInHandler = (_request, res) => answer(res, { data: { seller: SELLER } });

const open: { close(): Promise<void> }[] = [];
const hung: ServerResponse[] = [];
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
  hung.length = 0;
});

async function standIn(handler: StandInHandler): Promise<StandIn> {
  const started = await startStandIn(handler);
  open.push(started);
  return started;
}

/** A router whose sellers and catalog subgraphs are the given URLs. */
async function router(urls: Record<string, string>, resilience: ResilienceOptions = {}): Promise<RunningHttpServer> {
  const running = await createRouter({ ...auth, graphiql: false, subgraphUrls: urls, resilience }).listen(0);
  open.push({ close: running.stop });
  return running;
}

const query = (running: RunningHttpServer) => graphqlClient(`${running.url}/graphql`);
const BOTH = `{ seller(slug: "acme") { name } product(slug: "lamp") { title } }`;

describe("a subgraph that is slow or down", () => {
  it("answers with the other subgraphs' data and a timeout error at the hung field", async () => {
    const catalog = await standIn((_request, res) => hung.push(res));
    const running = await router(
      { sellers: (await standIn(sellers)).url, catalog: catalog.url },
      { subgraphTimeoutMs: 30_000, subgraphTimeouts: { catalog: 200 } },
    );
    const res = await query(running)(BOTH);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ seller: { name: "Acme" }, product: null });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Subgraph "catalog" did not answer within 200 ms',
        path: ["product"],
        extensions: expect.objectContaining({ code: "SUBGRAPH_TIMEOUT" }),
      }),
    ]);
    expect(catalog.requests).toHaveLength(1);
  });

  it("cuts every fetch when the whole request runs out of time", async () => {
    const catalog = await standIn((_request, res) => hung.push(res));
    const running = await router(
      { sellers: (await standIn(sellers)).url, catalog: catalog.url },
      { subgraphTimeoutMs: 30_000, requestTimeoutMs: 250 },
    );
    const res = await query(running)(BOTH);
    expect(res.body.data).toEqual({ seller: { name: "Acme" }, product: null });
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["product"], "REQUEST_TIMEOUT"]]);
  });

  it("puts an unreachable subgraph's error at the entity field it would have resolved", async () => {
    const running = await router({ sellers: (await standIn(sellers)).url, catalog: await deadUrl() });
    const res = await query(running)(`{ seller(slug: "acme") { name products(first: 1) { totalCount } } }`);
    // Seller.products is non-null, so its null reaches the nullable seller.
    expect(res.body.data).toEqual({ seller: null });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Subgraph "catalog" is unavailable',
        path: ["seller", "products"],
        extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE" }),
      }),
    ]);
  });
});

describe("a subgraph that answers badly", () => {
  const cases: [string, StandInHandler, RegExp][] = [
    [
      "an HTML error page",
      (_request, res) => {
        res.statusCode = 502;
        res.setHeader("content-type", "text/html");
        res.end("<html><body><h1>502 Bad Gateway</h1><p>internal-host-42</p></body></html>");
      },
      /answered HTTP 502/,
    ],
    [
      "HTML with status 200",
      (_request, res) => {
        res.setHeader("content-type", "text/html");
        res.end("<!doctype html><title>Login</title>");
      },
      /did not answer with a GraphQL response/,
    ],
    ["garbage labelled JSON", (_request, res) => res.end("{\u0000not json"), /did not answer with a GraphQL response/],
    [
      "JSON that is not a GraphQL response",
      (_request, res) => answer(res, ["unexpected", { shape: true }]),
      /did not answer with a GraphQL response/,
    ],
    [
      "a body past the size cap",
      (_request, res) => {
        res.setHeader("content-type", "application/json");
        res.end(`{"data":{"product":{"title":"${"x".repeat(64 * 1024)}"}}}`);
      },
      /answered with more than 16384 bytes/,
    ],
  ];

  for (const [name, handler, message] of cases) {
    it(`turns ${name} into a bounded SUBGRAPH_BAD_RESPONSE error and keeps serving`, async () => {
      const catalog = await standIn((request, res) => {
        if (name.includes("labelled JSON")) res.setHeader("content-type", "application/json");
        handler(request, res);
      });
      const running = await router(
        { sellers: (await standIn(sellers)).url, catalog: catalog.url },
        { maxSubgraphResponseBytes: 16 * 1024 },
      );
      const res = await query(running)(BOTH);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ seller: { name: "Acme" }, product: null });
      expect(res.body.errors).toHaveLength(1);
      const [error] = res.body.errors ?? [];
      expect(error?.path).toEqual(["product"]);
      expect(error?.extensions?.code).toBe("SUBGRAPH_BAD_RESPONSE");
      expect(error?.message).toMatch(message);
      // Nothing of what the subgraph sent reaches the client.
      expect(JSON.stringify(res.body)).not.toMatch(/internal-host-42|<html|xxxx/i);
      const again = await query(running)(`{ seller(slug: "acme") { name } }`);
      expect(again.body).toEqual({ data: { seller: { name: "Acme" } } });
    });
  }

  it("passes a subgraph's own GraphQL errors sent with an error status through with their codes", async () => {
    const catalog = await standIn((_request, res) =>
      answer(res, { errors: [{ message: "Catalog is read-only", extensions: { code: "FORBIDDEN" } }] }, 403),
    );
    const running = await router({ sellers: (await standIn(sellers)).url, catalog: catalog.url });
    const res = await query(running)(BOTH);
    expect(res.body.data).toEqual({ seller: { name: "Acme" }, product: null });
    expect(res.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["Catalog is read-only", "FORBIDDEN"],
    ]);
  });
});

describe("mutations", () => {
  let users: StandIn;
  let running: RunningHttpServer;

  beforeAll(async () => {
    // Drops the connection after reading the request: the mutation may or may not have run.
    users = await startStandIn((_request, res) => res.socket?.destroy());
    running = await createRouter({ ...auth, graphiql: false, subgraphUrls: { users: users.url } }).listen(0);
  });
  afterAll(async () => {
    await running?.stop();
    await users?.close();
  });

  it("are sent once and never retried when the connection fails", async () => {
    const res = await query(running)(
      `mutation { login(input: { email: "a@b.test", password: "secret-secret" }) { accessToken } }`,
    );
    expect(users.requests).toHaveLength(1);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["login"], "SUBGRAPH_UNAVAILABLE"]]);
  });
});
