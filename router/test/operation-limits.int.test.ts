import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countTokens } from "../src/protection/tokens";
import { type ProtectedStack, startProtectedStack } from "./protected-stack";

let stack: ProtectedStack;
let router: Awaited<ReturnType<ProtectedStack["router"]>>;

beforeAll(async () => {
  stack = await startProtectedStack();
  // Default limits; rate limiting off so the cost tests can spend the budget repeatedly.
  router = await stack.router({ protection: { rateLimit: { enabled: false } } });
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => stack.fetches.reset());

/** Passes every limit: answered, no error, and it really reached the subgraphs. */
async function expectAnswered(query: string) {
  const res = await router.gql(query);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  expect(stack.fetches.count).toBeGreaterThan(0);
  return res;
}

/** Refused with `code` and HTTP 400 before any subgraph was called. */
async function expectRefused(query: string, code: string) {
  const res = await router.gql(query);
  expect(res.status).toBe(400);
  expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(res.body.data).toBeUndefined();
  expect(stack.fetches.count).toBe(0);
  return res;
}

/** `product { seller { products { edges { node { seller { … } } } } } }`, `levels` deep, ending in totalCount. */
function deepQuery(levels: number): string {
  const chain = ["seller", "products(first: 1)", "edges", "node"];
  const fields = ['product(slug: "brass-lamp")'];
  while (fields.length < levels - 1) fields.push(chain[(fields.length - 1) % chain.length] ?? "");
  // The last object field must be a connection or a seller to end in a scalar.
  const last = fields.at(-1) ?? "";
  const leaf = last.startsWith("products") ? "totalCount" : last === "seller" || last === "node" ? "id" : "__typename";
  return `{ ${fields.join(" { ")} { ${leaf} ${" }".repeat(fields.length)} }`;
}

describe("depth (12, fragments expanded)", () => {
  it("answers an operation exactly 12 deep", async () => {
    await expectAnswered(deepQuery(12));
  });

  it("refuses 13 deep with MAX_DEPTH_EXCEEDED, also when the depth hides in fragments", async () => {
    const res = await expectRefused(deepQuery(13), "MAX_DEPTH_EXCEEDED");
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ limit: 12, actual: 13 });
    await expectRefused(
      `{ product(slug: "brass-lamp") { ...A } }
       fragment A on Product { seller { products(first: 1) { edges { node { ...B } } } } }
       fragment B on Product { seller { products(first: 1) { edges { node { ...C } } } } }
       fragment C on Product { seller { products(first: 1) { edges { node { id } } } } }`,
      "MAX_DEPTH_EXCEEDED",
    );
  });
});

describe("aliases (15)", () => {
  const aliased = (n: number) =>
    `{ sellers(first: 1) { edges { node { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(" ")} } } } }`;

  it("answers 15 aliases", async () => {
    const res = await expectAnswered(aliased(15));
    expect(res.body.data).toMatchObject({ sellers: { edges: [{ node: { a0: "Acme", a14: "Acme" } }] } });
  });

  it("refuses 16 with MAX_ALIASES_EXCEEDED", async () => {
    await expectRefused(aliased(16), "MAX_ALIASES_EXCEEDED");
  });
});

describe("root fields (10)", () => {
  const roots = [
    "categories { id }",
    'product(slug: "brass-lamp") { id }',
    "products(first: 1) { totalCount }",
    "trendingProducts(first: 1) { id }",
    'seller(slug: "acme") { id }',
    "sellers(first: 1) { totalCount }",
    "me { id }",
    "__typename",
    "c2: categories { id }",
    "s2: sellers(first: 1) { totalCount }",
    "p2: products(first: 1) { totalCount }",
  ];

  it("answers 10 root fields", async () => {
    await expectAnswered(`{ ${roots.slice(0, 10).join(" ")} }`);
  });

  it("refuses 11 with MAX_ROOT_FIELDS_EXCEEDED", async () => {
    await expectRefused(`{ ${roots.join(" ")} }`, "MAX_ROOT_FIELDS_EXCEEDED");
  });
});

describe("tokens (2,000 per document, counted before parsing)", () => {
  /**
   * A valid document of exactly `tokens` tokens: the operation that runs, padded with small
   * operations that do not (so no selection set grows large enough to slow validation down).
   */
  function document(tokens: number): string {
    const parts = ["query Main { sellers(first: 1) { totalCount } }"];
    for (let i = 0; countTokens(parts.join(" ")) + 5 <= tokens; i += 1) parts.push(`query Pad${i} { __typename }`);
    const text = parts.join(" ");
    const missing = tokens - countTokens(text);
    const padded = text.replace("Pad0 { __typename", `Pad0 { __typename${" __typename".repeat(missing)}`);
    expect(countTokens(padded)).toBe(tokens);
    return padded;
  }
  const send = (query: string) =>
    fetch(`${router.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, operationName: "Main" }),
    });

  it("answers a 2,000-token document", async () => {
    const res = await send(document(2_000));
    expect(await res.json()).toEqual({ data: { sellers: { totalCount: 1 } } });
    expect(stack.fetches.count).toBe(1);
  });

  it("refuses 2,001 tokens with MAX_TOKENS_EXCEEDED, and 40,000 tokens the same way", async () => {
    for (const query of [document(2_001), `{ ${"a ".repeat(40_000)}}`]) {
      const res = await send(query);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: unknown }).errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: "MAX_TOKENS_EXCEEDED", limit: 2_000 }) }),
      ]);
    }
    expect(stack.fetches.count).toBe(0);
  });
});

describe("cost (5,000)", () => {
  // trending 24 × (1 + seller 1 + products 1 + edges 100 × 2) = 4,872; categories 10; me 1; products 1 + 58 × 2 = 117.
  const atBudget = `{ trendingProducts(first: 24) { seller { products(first: 100) { edges { node { id } } } } }
    categories { id } me { id } products(first: 58) { edges { node { id } } } }`;

  it("answers an operation costing exactly 5,000, reporting its cost", async () => {
    const res = await expectAnswered(atBudget);
    expect(res.headers.get("x-operation-cost")).toBe("5000");
  });

  it("refuses 5,001 with COST_LIMIT_EXCEEDED", async () => {
    const res = await expectRefused(atBudget.replace("me { id }", "me { id seller { id } }"), "COST_LIMIT_EXCEEDED");
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ limit: 5_000, actual: 5_001 });
  });

  it("reads list sizes from variables", async () => {
    const query =
      "query($n: Int!) { products(first: $n) { edges { node { reviews(first: $n) { edges { node { id } } } } } } }";
    const res = await router.gql(query, { n: 100 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("COST_LIMIT_EXCEEDED");
    expect(stack.fetches.count).toBe(0);
  });
});

describe("request body (100 KiB after decompression)", () => {
  const LIMIT = 100 * 1024;
  /** A JSON body of exactly `bytes` bytes: the query padded with insignificant whitespace. */
  function body(bytes: number): string {
    const shell = JSON.stringify({ query: "{ sellers(first: 1) { totalCount } }" });
    return shell.replace("totalCount }", `totalCount${" ".repeat(bytes - shell.length)} }`);
  }
  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${router.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: payload,
    });

  it("answers a body of exactly 100 KiB", async () => {
    const payload = body(LIMIT);
    expect(Buffer.byteLength(payload)).toBe(LIMIT);
    const res = await post(payload);
    expect(res.status).toBe(200);
    expect(stack.fetches.count).toBe(1);
  });

  it("refuses one byte more with 413 PAYLOAD_TOO_LARGE, also when it arrives gzipped", async () => {
    for (const res of [
      await post(body(LIMIT + 1)),
      await post(gzipSync(body(LIMIT + 1)), { "content-encoding": "gzip" }),
    ]) {
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    }
    expect(stack.fetches.count).toBe(0);
  });
});
