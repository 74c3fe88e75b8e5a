import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphQLResponse } from "@bazaar/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildManifest } from "../src/clients/manifest-builder";
import { sha256Hex } from "../src/clients/partner-keys";
import { defaultSupergraphPath } from "../src/env";
import { type ProtectedStack, SEED, startProtectedStack } from "./protected-stack";

let stack: ProtectedStack;
let dir: string;

beforeAll(async () => {
  stack = await startProtectedStack();
  dir = await mkdtemp(join(tmpdir(), "router-clients-"));
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => stack.fetches.reset());

const PARTNER_KEY = "partner-acme-0123456789abcdef";
const partners = [{ name: "acme", keySha256: sha256Hex(PARTNER_KEY), quota: 100 }];
const code = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  res.body.errors?.map((e) => e.extensions?.code);

describe("rate limiting by cost units per client", () => {
  // 1 + 10 × (edges 1 + node 1) = 21 units.
  const COSTS_21 = "{ sellers(first: 10) { edges { node { name } } } }";
  let now = 0;
  let router: Awaited<ReturnType<ProtectedStack["router"]>>;

  beforeAll(async () => {
    router = await stack.router({
      protection: { rateLimit: { anonymousQuota: 30, userQuota: 50, windowMs: 60_000 }, partners },
      clock: () => now,
    });
  });

  it("answers 429 RATE_LIMITED with Retry-After once a client's units are spent, before any subgraph", async () => {
    const first = await router.gql(COSTS_21);
    expect(first.status).toBe(200);
    expect([first.headers.get("x-ratelimit-limit"), first.headers.get("x-ratelimit-remaining")]).toEqual(["30", "9"]);
    stack.fetches.reset();
    const refused = await router.gql(COSTS_21);
    expect([refused.status, code(refused)]).toEqual([429, ["RATE_LIMITED"]]);
    // 12 missing units at 30 per 60 s refill in 24 s.
    expect(refused.headers.get("retry-after")).toBe("24");
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ cost: 21, quota: 30, retryAfterSeconds: 24 });
    expect(stack.fetches.count).toBe(0);
  });

  it("recovers once the wait has passed, and is whole again after a window", async () => {
    now += 24_000;
    expect((await router.gql(COSTS_21)).status).toBe(200);
    now += 60_000;
    const full = await router.gql("{ __typename }");
    expect(full.headers.get("x-ratelimit-remaining")).toBe("29");
  });

  it("keeps a bucket per client: users by id with their quota, partners by key with theirs", async () => {
    const user = { authorization: `Bearer ${await stack.token(["CUSTOMER"], "usr_rate")}` };
    const partner = { "x-api-key": PARTNER_KEY };
    for (const [headers, limit] of [
      [user, "50"],
      [partner, "100"],
    ] as const) {
      const res = await router.gql(COSTS_21, {}, headers);
      expect([res.status, res.headers.get("x-ratelimit-limit")]).toEqual([200, limit]);
    }
  });

  it("refuses an API key that matches no partner with 401 INVALID_API_KEY", async () => {
    stack.fetches.reset();
    const res = await router.gql(COSTS_21, {}, { "x-api-key": "partner-acme-guessed" });
    expect([res.status, code(res)]).toEqual([401, ["INVALID_API_KEY"]]);
    expect(stack.fetches.count).toBe(0);
  });
});

describe("automatic persisted queries", () => {
  const query = "{ sellers(first: 1) { totalCount } }";
  const hash = sha256Hex(query);
  const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
  const post = (router: { url: string }, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${router.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as GraphQLResponse["body"] }));

  it("misses an unknown hash, registers the query with it, then runs it from the hash alone", async () => {
    const router = await stack.router();
    const miss = await post(router, { extensions: persisted(hash) });
    expect(miss.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(router, { query, extensions: persisted(hash) });
    expect(registered.body).toEqual({ data: { sellers: { totalCount: 1 } } });
    const hit = await post(router, { extensions: persisted(hash) });
    expect(hit.body).toEqual({ data: { sellers: { totalCount: 1 } } });
    const get = await fetch(
      `${router.url}/graphql?${new URLSearchParams({ extensions: JSON.stringify(persisted(hash)) })}`,
      { headers: { "apollo-require-preflight": "true" } },
    );
    expect(await get.json()).toEqual({ data: { sellers: { totalCount: 1 } } });
  });

  it("never registers an operation that was refused", async () => {
    const router = await stack.router({ protection: { limits: { maxDepth: 2 } } });
    const deep = "{ sellers(first: 1) { edges { node { name } } } }";
    const refused = await post(router, { query: deep, extensions: persisted(sha256Hex(deep)) });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("MAX_DEPTH_EXCEEDED");
    const miss = await post(router, { extensions: persisted(sha256Hex(deep)) });
    expect(miss.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("safelisting", () => {
  const known = "query Sellers { sellers(first: 1) { totalCount } }";
  const unknown = "{ sellers(first: 2) { totalCount } }";
  let router: Awaited<ReturnType<ProtectedStack["router"]>>;
  const web = { "apollographql-client-name": "bazaar-web", "apollographql-client-version": "2.1.0" };

  beforeAll(async () => {
    const manifestPath = join(dir, "manifest.json");
    const manifest = buildManifest([{ path: "sellers.graphql", text: known }], { addTypename: false });
    await writeFile(manifestPath, JSON.stringify(manifest));
    expect(JSON.parse(await readFile(manifestPath, "utf8")).operations[0].body).toBe(
      "query Sellers {\n  sellers(first: 1) {\n    totalCount\n  }\n}",
    );
    router = await stack.router({ protection: { safelist: { enabled: true, manifestPath }, partners } });
  });

  const body = (text: string) => text.replace(/\s+/g, " ");
  const manifestBody = "query Sellers {\n  sellers(first: 1) {\n    totalCount\n  }\n}";

  it("runs a manifest operation for a first-party client, sent whole or by id", async () => {
    expect((await router.gql(manifestBody, {}, web)).body).toEqual({ data: { sellers: { totalCount: 1 } } });
    const byId = await fetch(`${router.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...web },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(manifestBody) } } }),
    });
    expect(await byId.json()).toEqual({ data: { sellers: { totalCount: 1 } } });
  });

  it("refuses anything else from first-party and unidentified clients, before any subgraph", async () => {
    stack.fetches.reset();
    for (const [text, headers] of [
      [unknown, web],
      [body(manifestBody), web], // not the identical body
      [unknown, {}],
    ] as const) {
      const res = await router.gql(text, {}, headers);
      expect([res.status, code(res)]).toEqual([400, ["OPERATION_NOT_IN_SAFELIST"]]);
    }
    expect(stack.fetches.count).toBe(0);
  });

  it("lets partners send any operation within their cost budget, and analysts explore", async () => {
    const partner = await router.gql(unknown, {}, { "x-api-key": PARTNER_KEY });
    expect(partner.body).toEqual({ data: { sellers: { totalCount: 1 } } });
    const tooCostly = await router.gql(
      "{ sellers(first: 60) { edges { node { name } } } }",
      {},
      { "x-api-key": PARTNER_KEY },
    );
    expect([tooCostly.status, code(tooCostly)]).toEqual([429, ["RATE_LIMITED"]]);
    const analyst = { authorization: `Bearer ${await stack.token(["ANALYST"])}` };
    expect((await router.gql(unknown, {}, analyst)).body).toEqual({ data: { sellers: { totalCount: 1 } } });
  });
});

describe("@authenticated and @requiresScopes at the router", () => {
  const REVIEWS = `{ product(slug: "${SEED.slug}") { title reviews(first: 5) { edges { node { title author { name email createdAt } } } } } }`;
  let router: Awaited<ReturnType<ProtectedStack["router"]>>;

  beforeAll(async () => {
    router = await stack.router();
  });

  it("nulls @authenticated fields for anonymous callers with UNAUTHENTICATED, without asking any subgraph for them", async () => {
    const res = await router.gql(REVIEWS);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      product: {
        title: "Brass lamp",
        reviews: {
          edges: [{ node: { title: "Bright", author: { name: "Ann Author", email: null, createdAt: null } } }],
        },
      },
    });
    expect(res.body.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["product.reviews.edges.0.node.author.email", "UNAUTHENTICATED"],
      ["product.reviews.edges.0.node.author.createdAt", "UNAUTHENTICATED"],
    ]);
    // The withheld fields travel only as `__typename` placeholders, which the router answers itself.
    const asked = stack.fetches.bodies.map((b) => b.replace(/_bzr_denied_\w+:__typename/g, ""));
    expect(asked.some((b) => /email|createdAt/.test(b))).toBe(false);
  });

  it("passes them to the subgraphs for signed-in callers, who still check ownership themselves", async () => {
    const customer = await router.gql(REVIEWS, {}, { authorization: `Bearer ${await stack.token(["CUSTOMER"])}` });
    expect(customer.body.errors?.map((e) => [e.path?.at(-1), e.extensions?.code, e.extensions?.serviceName])).toEqual([
      ["email", "FORBIDDEN", "users"],
      ["createdAt", "FORBIDDEN", "users"],
    ]);
    const admin = await router.gql(REVIEWS, {}, { authorization: `Bearer ${await stack.token(["ADMIN"])}` });
    expect(admin.body.errors).toBeUndefined();
    expect(JSON.stringify(admin.body.data)).toContain("author@example.test");
  });

  it("nulls data for a withheld non-null mutation field without running it", async () => {
    stack.fetches.reset();
    const res = await router.gql(
      'mutation { addAddress(input: { name: "A", line1: "1 Road", city: "Town", postalCode: "1", country: "DE" }) { address { id } } }',
    );
    expect(res.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          path: ["addAddress"],
          extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }),
        }),
      ],
    });
    expect(stack.fetches.count).toBe(0);
  });

  it("enforces @requiresScopes against the viewer's roles, from whichever supergraph is served", async () => {
    const original = await readFile(defaultSupergraphPath, "utf8");
    const supergraphSdl = original
      .replace(
        '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
        '$&\n  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
      )
      .replace(
        "salesCount: Int! @join__field(graph: ORDERS)",
        'salesCount: Int! @join__field(graph: ORDERS) @requiresScopes(scopes: [["ADMIN"], ["ANALYST"]])',
      );
    expect(supergraphSdl).toContain("@requiresScopes(scopes");
    const scoped = await stack.router({ supergraphSdl });
    const query = '{ seller(slug: "acme") { name salesCount } }';
    const customerToken = await stack.token(["CUSTOMER"]);
    stack.fetches.reset();
    const customer = await scoped.gql(query, {}, { authorization: `Bearer ${customerToken}` });
    // The whole (nullable) seller is withheld: the router answers its placeholder without a fetch.
    expect(stack.fetches.count).toBe(0);
    expect(customer.body).toEqual({
      data: { seller: null },
      errors: [
        expect.objectContaining({
          path: ["seller", "salesCount"],
          extensions: expect.objectContaining({ code: "FORBIDDEN" }),
        }),
      ],
    });
    const analyst = await scoped.gql(query, {}, { authorization: `Bearer ${await stack.token(["ANALYST"])}` });
    expect(analyst.body).toEqual({ data: { seller: { name: "Acme", salesCount: 0 } } });
  });
});
