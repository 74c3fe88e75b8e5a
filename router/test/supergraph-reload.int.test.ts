import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateJwk, keyRingFromPrivateJwks, localVerifier } from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { graphqlClient } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSupergraphPath } from "../src/env";
import { createLogger, createRouterMetrics } from "../src/observability";
import { createRouter } from "../src/server";
import { answer, type StandIn, startStandIn } from "./stand-in";

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const auth = { verifyToken: localVerifier(ring), jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" };
const committed = readFileSync(defaultSupergraphPath, "utf8");

/** The committed supergraph with the sellers subgraph at `url`. */
const supergraphWithSellersAt = (url: string) =>
  committed.replace(/(@join__graph\(name: "sellers", url: )"[^"]*"/, `$1"${url}"`);

const sellerNamed = (name: string) => ({ data: { seller: { __typename: "Seller", id: "sel_1", name } } });

const dir = mkdtempSync(join(tmpdir(), "bazaar-supergraph-"));
const path = join(dir, "supergraph.graphql");
/** Replaces the file the way deploy tools do: write aside, then rename over it. */
const publish = (text: string) => {
  writeFileSync(`${path}.next`, text);
  renameSync(`${path}.next`, path);
};

const lines: Record<string, unknown>[] = [];
const logger = createLogger({ destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
const metrics = createRouterMetrics();
let releaseFirst: () => void = () => {};
let blue: StandIn;
let green: StandIn;
let router: RunningHttpServer;

beforeAll(async () => {
  // The first request to "blue" is held until the test lets it go: an in-flight request across a reload.
  const held = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  blue = await startStandIn((_request, res) => {
    if (blue.requests.length === 1) void held.then(() => answer(res, sellerNamed("blue (held)")));
    else answer(res, sellerNamed("blue"));
  });
  green = await startStandIn((_request, res) => answer(res, sellerNamed("green")));
  publish(supergraphWithSellersAt(blue.url));
  router = await createRouter({
    ...auth,
    graphiql: false,
    supergraphPath: path,
    watchSupergraph: true,
    logger,
    metrics,
  }).listen(0);
});

afterAll(async () => {
  await router?.stop();
  await blue?.close();
  await green?.close();
  rmSync(dir, { recursive: true, force: true });
});

const SELLER = `{ seller(slug: "acme") { name } }`;

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("condition never held");
}

describe("serving a supergraph file", () => {
  it("reloads it on change while a request planned on the old one finishes normally", async () => {
    const gql = graphqlClient(`${router.url}/graphql`);
    const inFlight = gql(SELLER);
    await until(async () => (blue.requests.length === 1 ? true : undefined));

    publish(supergraphWithSellersAt(green.url));
    await until(async () => {
      const res = await gql(SELLER);
      return (res.body.data?.seller as { name?: string } | null)?.name === "green" ? true : undefined;
    });

    releaseFirst();
    expect((await inFlight).body).toEqual({ data: { seller: { name: "blue (held)" } } });
    expect(lines).toContainEqual(expect.objectContaining({ level: "info", msg: "supergraph reloaded" }));
  });

  it("keeps serving the current supergraph when the new file is invalid, and logs why", async () => {
    publish("type Query { this is not a supergraph");
    await until(async () =>
      lines.find((line) => line.msg === "new supergraph rejected; still serving the previous one"),
    );
    publish(supergraphWithSellersAt("http://127.0.0.1:9/graphql").replace("join__Graph", "join__Grpah"));
    await until(async () =>
      lines.filter((line) => line.msg === "new supergraph rejected; still serving the previous one").length === 2
        ? true
        : undefined,
    );
    const res = await graphqlClient(`${router.url}/graphql`)(SELLER);
    expect(res.body).toEqual({ data: { seller: { name: "green" } } });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/bazaar_router_supergraph_reloads_total\{outcome="applied"\} 1/);
    expect(text).toMatch(/bazaar_router_supergraph_reloads_total\{outcome="rejected"\} 2/);
  });
});
