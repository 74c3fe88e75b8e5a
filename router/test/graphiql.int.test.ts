import { existsSync } from "node:fs";
import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter } from "../src/server";
import { answer, type StandIn, startStandIn } from "./stand-in";

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling Google on a machine with no network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const auth = { verifyToken: localVerifier(ring), jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" };

let sellers: StandIn;
let router: RunningHttpServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  sellers = await startStandIn((_request, res) =>
    answer(res, { data: { seller: { __typename: "Seller", id: "sel_1", name: "GraphiqlSeller" } } }),
  );
  router = await createRouter({ ...auth, subgraphUrls: { sellers: sellers.url } }).listen(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await router?.stop();
  await sellers?.close();
});

describe("GraphiQL at /graphql", () => {
  it("is served to browsers as a self-contained page, while GraphQL clients still get JSON", async () => {
    const page = await fetch(`${router.url}/graphql`, { headers: { accept: "text/html,*/*;q=0.8" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/graphiql/graphiql.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const json = await fetch(`${router.url}/graphql?query=%7B__typename%7D`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await json.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("loads in headless Chromium, runs a query with the headers editor's bearer token, and browses the docs", async () => {
    const { token } = await signAccessToken(ring, defaultVerifierConfig(), {
      userId: "usr_analyst",
      roles: ["CUSTOMER"],
      sellerId: null,
    });
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(router.url) && !request.url().startsWith("ws://")) foreign.push(request.url());
    });
    const params = new URLSearchParams({
      query: `{ seller(slug: "acme") { name } }`,
      headers: JSON.stringify({ Authorization: `Bearer ${token}` }),
    });
    await page.goto(`${router.url}/graphql?${params}`);
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(() => page.locator(".graphiql-response").textContent(), { timeout: 20_000 })
      .toContain("GraphiqlSeller");
    expect(sellers.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);

    await page.getByLabel("Show Documentation Explorer").click();
    await expect
      .poll(() => page.locator(".graphiql-doc-explorer-root-type").allTextContents(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(["query", "mutation"]));
    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
    expect(foreign).toEqual([]);
    await page.close();
  });
});
