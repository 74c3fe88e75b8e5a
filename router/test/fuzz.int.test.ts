import { gzipSync } from "node:zlib";
import { generatePrivateJwk, keyRingFromPrivateJwks, localVerifier } from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRouter } from "../src/server";
import { answer, type StandIn, startStandIn } from "./stand-in";

const BODIES = 20_000;
const CONCURRENCY = 24;

/** Deterministic, so a failure reproduces: mulberry32. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const SEEDS = [
  "{ sellers(first: 3) { edges { node { name products(first: 2) { totalCount } } } } }",
  "query P($s: String) { product(slug: $s) { title reviews(first: 5) { edges { node { author { name email } } } } } }",
  'mutation { logout(input: { refreshToken: "x" }) { loggedOut } }',
  "{ __schema { types { name fields { name } } } }",
  "{ a: me { __proto__: email constructor: name } ...F } fragment F on Query { categories { children { id } } }",
  "{ products(first: 100) { edges { node { reviews(first: 100) { edges { node { id } } } } } } }",
  "subscription { orderUpdated(orderId: 1) { id } }",
];
const ATOMS = [
  "{",
  "}",
  "(",
  ")",
  "...",
  "$",
  "@include(if: true)",
  "__proto__",
  "#",
  '"',
  '"""',
  "\\u0000",
  "first: -1",
  "first: 99999999999999999999",
  "on",
  "fragment",
  "query",
  ":",
  ",",
  "[",
  "]",
  "\u{1F600}",
  "\0",
];
const TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/graphql",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "message/http",
  "",
  "json",
  "*/*",
];

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

function mutate(r: ReturnType<typeof prng>, text: string): string {
  let out = text;
  for (let n = r.int(4) + 1; n > 0; n -= 1) {
    const at = r.int(out.length + 1);
    switch (r.int(5)) {
      case 0:
        out = out.slice(0, at) + r.pick(ATOMS) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + r.int(8));
        break;
      case 2:
        out = out.slice(0, at);
        break;
      case 3:
        out = out.slice(0, at) + out.slice(at).repeat(r.int(4) + 1);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(r.int(0x3000)) + out.slice(at + 1);
    }
  }
  return out;
}

function randomJson(r: ReturnType<typeof prng>, depth = 0): unknown {
  const kind = depth > 4 ? r.int(4) : r.int(7);
  if (kind === 0) return r.next() < 0.5 ? null : r.next() < 0.5;
  if (kind === 1) return r.int(2 ** 31) * (r.next() < 0.5 ? -1 : 1) * (r.next() < 0.1 ? 1e300 : 1);
  if (kind === 2 || kind === 3) return mutate(r, r.pick(SEEDS)).slice(0, r.int(200));
  if (kind === 4) return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
  const keys = ["query", "variables", "operationName", "extensions", "__proto__", "constructor", "persistedQuery", "s"];
  return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(keys), randomJson(r, depth + 1)]));
}

function graphqlBody(r: ReturnType<typeof prng>): unknown {
  const body: Record<string, unknown> = { query: mutate(r, r.pick(SEEDS)) };
  if (r.next() < 0.3) body.variables = r.next() < 0.5 ? { s: "brass", __proto__: { polluted: 1 } } : randomJson(r);
  if (r.next() < 0.2) body.operationName = r.pick(["P", "", "F", 42, null]);
  if (r.next() < 0.2)
    body.extensions = {
      persistedQuery: { version: r.pick([1, 2, "1"]), sha256Hash: r.pick(["x", 7, "0".repeat(64)]) },
    };
  return body;
}

function request(r: ReturnType<typeof prng>): FuzzRequest {
  const headers: Record<string, string> = { "content-type": r.pick(TYPES) };
  if (!headers["content-type"]) delete headers["content-type"];
  if (r.next() < 0.3) headers["apollo-require-preflight"] = "1";
  if (r.next() < 0.05) headers.authorization = r.pick(["Bearer x.y.z", "Basic abc", "Bearer", "bearer \u00e9"]);
  if (r.next() < 0.05) headers["x-api-key"] = r.pick(["", "k", "\u00ff"]);
  const shape = r.int(10);
  if (shape === 0) {
    const query = mutate(r, r.pick(SEEDS));
    const params = new URLSearchParams({ query, ...(r.next() < 0.3 ? { variables: mutate(r, '{"s":"x"}') } : {}) });
    return { method: r.pick(["GET", "GET", "PUT", "DELETE", "OPTIONS"]), path: `/graphql?${params}`, headers };
  }
  let body: Buffer | string;
  if (shape === 1) body = Buffer.from(Array.from({ length: r.int(2_000) }, () => r.int(256)));
  else if (shape === 2) body = JSON.stringify(randomJson(r));
  else if (shape === 3) body = JSON.stringify(Array.from({ length: r.int(3) + 1 }, () => graphqlBody(r)));
  else if (shape === 4) body = `${"[".repeat(r.int(60_000))}1`;
  else body = JSON.stringify(graphqlBody(r));
  if (shape !== 1 && r.next() < 0.2) body = mutate(r, body.toString()).slice(0, 90_000);
  if (r.next() < 0.05) {
    headers["content-encoding"] = r.pick(["gzip", "gzip", "br", "deflate", "zstd"]);
    body = r.next() < 0.7 ? gzipSync(body) : body;
  }
  return { method: "POST", path: "/graphql", headers, body };
}

let subgraph: StandIn;
let router: RunningHttpServer;

beforeAll(async () => {
  // context.ts logs each rejected token; a thousand of them would bury the test output.
  vi.spyOn(console, "warn").mockImplementation(() => {});
  // Answers any subgraph fetch with an error, so operations that pass every check still complete.
  subgraph = await startStandIn((_request, res) => answer(res, { errors: [{ message: "stand-in" }] }));
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  const urls = Object.fromEntries(
    ["users", "catalog", "orders", "sellers", "recommendations"].map((n) => [n, subgraph.url]),
  );
  router = await createRouter({
    verifyToken: localVerifier(ring),
    jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json",
    subgraphUrls: urls,
    graphiql: false,
    // As deployed: no stack traces to build, introspection refused like any other operation.
    production: true,
    protection: { rateLimit: { enabled: false } },
  }).listen(0);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await router?.stop();
  await subgraph?.close();
});

describe("random and mutated request bodies", () => {
  it(`never crash the router or earn anything but 2xx/4xx (${BODIES} bodies)`, async () => {
    const r = prng(20261122);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < BODIES) {
        sent += 1;
        const req = request(r);
        const res = await fetch(`${router.url}${req.path}`, {
          method: req.method,
          headers: req.headers,
          body: req.body,
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 && failures.length < 5)
          failures.push(`${res.status} ${req.method} ${String(req.body).slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures).toEqual([]);
    expect([...statuses.keys()].every((status) => status >= 200 && status < 500)).toBe(true);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(BODIES);
    // Both kinds occurred: this was not 20,000 copies of one refusal.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(BODIES / 10);
    // Still serving, and nothing leaked onto Object.prototype.
    const after = await fetch(`${router.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await after.json()).toEqual({ data: { __typename: "Query" } });
    expect(Object.keys(Object.prototype)).toEqual([]);
  }, 300_000);
});
