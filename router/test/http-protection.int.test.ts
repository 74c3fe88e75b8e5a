import { readFile } from "node:fs/promises";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultSupergraphPath } from "../src/env";
import { type ProtectedStack, SEED, startProtectedStack } from "./protected-stack";

let stack: ProtectedStack;
let development: Awaited<ReturnType<ProtectedStack["router"]>>;
let production: Awaited<ReturnType<ProtectedStack["router"]>>;

beforeAll(async () => {
  stack = await startProtectedStack();
  development = await stack.router({ production: false });
  production = await stack.router({ production: true });
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => stack.fetches.reset());

const QUERY = "{ sellers(first: 1) { totalCount } }";
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${development.url}/graphql?${new URLSearchParams({ query })}`, { headers });
const codes = async (res: Response) =>
  ((await res.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code);

describe("CSRF prevention", () => {
  it("refuses a GET without a preflight-forcing header", async () => {
    const res = await get(QUERY);
    expect([res.status, await codes(res)]).toEqual([400, ["CSRF_BLOCKED"]]);
  });

  it("answers a GET that carries apollo-require-preflight", async () => {
    const res = await get(QUERY, { "apollo-require-preflight": "true" });
    expect(await res.json()).toEqual({ data: { sellers: { totalCount: 1 } } });
    stack.fetches.reset();
  });

  it("refuses a text/plain POST, which a browser sends cross-site without preflight", async () => {
    const res = await fetch(`${development.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect([res.status, await codes(res)]).toEqual([400, ["CSRF_BLOCKED"]]);
  });

  it("refuses a GET with a message/* content type (the browser bug behind GHSA-9q82-xgwf-vj6h)", async () => {
    for (const type of ["message/http", "message/rfc822", "message"]) {
      const res = await get(QUERY, { "content-type": type });
      expect([type, res.status, await codes(res)]).toEqual([type, 415, ["UNSUPPORTED_MEDIA_TYPE"]]);
    }
  });

  it("never calls a subgraph for a refused request", () => {
    expect(stack.fetches.count).toBe(0);
  });
});

describe("request shapes", () => {
  it("refuses a batch (JSON array body) with BATCHING_NOT_SUPPORTED", async () => {
    const res = await fetch(`${development.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: QUERY }, { query: QUERY }]),
    });
    expect([res.status, await codes(res)]).toEqual([400, ["BATCHING_NOT_SUPPORTED"]]);
    expect(stack.fetches.count).toBe(0);
  });

  it("refuses a mutation over GET with 405 METHOD_NOT_ALLOWED", async () => {
    const res = await get('mutation { logout(input: { refreshToken: "x" }) { loggedOut } }', {
      "apollo-require-preflight": "true",
    });
    expect([res.status, res.headers.get("allow"), await codes(res)]).toEqual([405, "POST", ["METHOD_NOT_ALLOWED"]]);
    expect(stack.fetches.count).toBe(0);
  });
});

describe("operations the gateway cannot run", () => {
  const post = (body: unknown) =>
    fetch(`${development.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("answers 400 OPERATION_RESOLUTION_FAILURE for an unknown or missing operation name", async () => {
    const two = "query A { __typename } query B { __typename }";
    for (const body of [{ query: two, operationName: "C" }, { query: two }]) {
      const res = await post(body);
      expect([res.status, await codes(res)]).toEqual([400, ["OPERATION_RESOLUTION_FAILURE"]]);
    }
  });

  it("answers 400 for a subscription over HTTP (they belong on graphql-ws)", async () => {
    const served = await readFile(defaultSupergraphPath, "utf8");
    // Without a Subscription type the operation cannot even be validated.
    const code = /^type Subscription\b/m.test(served) ? "SUBSCRIPTION_OVER_HTTP" : "GRAPHQL_VALIDATION_FAILED";
    const res = await post({ query: "subscription { orderUpdated(orderId: 1) { id } }" });
    expect([res.status, await codes(res)]).toEqual([400, [code]]);
    expect(stack.fetches.count).toBe(0);
  });
});

describe("introspection", () => {
  const INTROSPECT = "{ __schema { queryType { name } } }";

  it("is off in production with INTROSPECTION_DISABLED, for anonymous and customer callers alike", async () => {
    const customer = await stack.token(["CUSTOMER"]);
    for (const headers of [{}, { authorization: `Bearer ${customer}` }] as Record<string, string>[]) {
      const res = await production.gql(INTROSPECT, {}, headers);
      expect([res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([400, "INTROSPECTION_DISABLED"]);
    }
    const typeQuery = await production.gql('{ __type(name: "Product") { name } }');
    expect(typeQuery.body.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
  });

  it("is on in production for an ANALYST token (GraphiQL's full query fits the limits), and in development", async () => {
    const analyst = { authorization: `Bearer ${await stack.token(["ANALYST"])}` };
    const res = await production.gql(INTROSPECT, {}, analyst);
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const full = await production.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}, analyst);
    expect(full.body.errors).toBeUndefined();
    expect(JSON.stringify(full.body.data)).toContain('"name":"ProductConnection"');
    expect((await development.gql(INTROSPECT)).body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("lets __typename through everywhere", async () => {
    expect((await production.gql("{ __typename }")).body).toEqual({ data: { __typename: "Query" } });
  });
});

describe("the ANALYST role", () => {
  it("may query but not mutate: FORBIDDEN before any subgraph is called", async () => {
    const analyst = await stack.token(["ANALYST", "CUSTOMER"]);
    const headers = { authorization: `Bearer ${analyst}` };
    const res = await production.gql('mutation { logout(input: { refreshToken: "x" }) { loggedOut } }', {}, headers);
    expect([res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([403, "FORBIDDEN"]);
    expect(stack.fetches.count).toBe(0);
    expect((await production.gql(QUERY, {}, headers)).body).toEqual({ data: { sellers: { totalCount: 1 } } });
  });
});

describe("error detail in production", () => {
  it("gives no 'did you mean' suggestions (development does)", async () => {
    const typo = "{ selers(first: 1) { totalCount } }";
    const prod = await production.gql(typo);
    expect(prod.body.errors?.[0]?.message).toBe('Cannot query field "selers" on type "Query".');
    expect((await development.gql(typo)).body.errors?.[0]?.message).toMatch(/Did you mean "sellers"/);
  });

  it("sends no stack traces (development does)", async () => {
    const failing = ["{ selers }", "{ products(first: 1000) { totalCount } }", "{ x: }"];
    for (const query of failing) {
      const text = JSON.stringify((await production.gql(query)).body);
      expect(text).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
    }
    expect(JSON.stringify((await development.gql("{ selers }")).body)).toContain("stacktrace");
  });
});

describe("prototype-pollution safety", () => {
  const clean = () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.name).toBeUndefined();
    expect(probe.totalCount).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  };

  it("shapes __proto__, constructor and prototype aliases as ordinary keys, across subgraphs", async () => {
    const res = await fetch(`${development.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ __proto__: sellers(first: 1) { edges { node {
          constructor: name prototype: id
          __proto__: products(first: 1) { polluted: totalCount constructor: edges { node { __proto__: title } } }
        } } } }`,
      }),
    });
    // Compared as text: toEqual would read "__proto__" through the prototype accessor.
    const text = (await res.text()).trimEnd();
    expect(text).toBe(
      JSON.stringify({
        data: {
          ["__proto__"]: {
            edges: [
              {
                node: {
                  constructor: "Acme",
                  prototype: SEED.seller,
                  ["__proto__"]: { polluted: 1, constructor: [{ node: { ["__proto__"]: "Brass lamp" } }] },
                },
              },
            ],
          },
        },
      }),
    );
    clean();
  });

  it("ignores __proto__ in variables and in a withheld field's alias", async () => {
    const body = `{"query":"query($first: Int) { sellers(first: $first) { totalCount } }","variables":{"__proto__":{"polluted":1},"first":1}}`;
    const res = await fetch(`${development.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(await res.json()).toEqual({ data: { sellers: { totalCount: 1 } } });
    const withheld = await development.gql(
      `{ product(slug: "${SEED.slug}") { reviews(first: 1) { edges { node { author { __proto__: email } } } } } }`,
    );
    expect(JSON.stringify(withheld.body.data)).toBe(
      '{"product":{"reviews":{"edges":[{"node":{"author":{"__proto__":null}}}]}}}',
    );
    clean();
  });
});
