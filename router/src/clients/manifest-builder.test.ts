import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildManifest, documentsIn, readClientSources } from "./manifest-builder";
import { sha256Hex } from "./partner-keys";
import { OperationManifest } from "./persisted-manifest";

// A client tree in the shapes the storefront will use (written to a temp dir: as real .ts/.tsx
// files under router/ they would be typechecked as the router's own code).
const FIXTURES: Record<string, string> = {
  "catalog/product-page.graphql": `
    query ProductPage($slug: String!) {
      product(slug: $slug) { ...ProductCard reviews(first: 5) { totalCount } }
    }`,
  "fragments.ts": `
    import { gql } from "@apollo/client";
    export const PRODUCT_CARD = gql\`
      fragment ProductCard on Product { id title priceRange { min { amount currencyCode } } }
    \`;`,
  "pages/home.tsx": `
    import { gql, useQuery } from "@apollo/client";
    import { PRODUCT_CARD } from "../fragments";
    const HOME = gql\`
      query Home { products(first: 8) { edges { node { ...ProductCard } } } }
      \${PRODUCT_CARD}
    \`;
    const ADD = graphql(\`mutation AddToWishlist($id: ID!) { addToWishlist(input: { productId: $id }) { userErrors { code } } }\`);
    export const Home = () => <main>{useQuery(HOME).data ? "ok" : "…"}</main>;`,
  "types.d.ts": "declare const graphql: (s: string) => unknown; // gql`query Ignored { me { id } }`",
  "node_modules/lib/index.ts": "gql`query FromDependency { me { id } }`",
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "client-src-"));
  for (const [path, text] of Object.entries(FIXTURES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the persisted-operation manifest generator", () => {
  it("finds .graphql files and tagged templates, skipping declarations and dependencies", async () => {
    const files = await readClientSources(dir);
    expect(files.map((f) => f.path)).toEqual(["catalog/product-page.graphql", "fragments.ts", "pages/home.tsx"]);
    expect(documentsIn(files[2] ?? { path: "", text: "" })).toHaveLength(2);
  });

  it("emits one entry per named operation with its fragments, __typename added, id = sha256(body)", async () => {
    const manifest = buildManifest(await readClientSources(dir));
    expect(manifest.operations.map((op) => [op.name, op.type])).toEqual([
      ["AddToWishlist", "mutation"],
      ["Home", "query"],
      ["ProductPage", "query"],
    ]);
    const home = manifest.operations.find((op) => op.name === "Home");
    expect(home?.body).toContain("fragment ProductCard on Product");
    expect(home?.body).toMatch(/node \{\n\s+\.\.\.ProductCard\n\s+__typename/);
    expect(home?.body).not.toMatch(/^\{\n\s+__typename/m); // never at the operation root
    for (const op of manifest.operations) expect(op.id).toBe(sha256Hex(op.body));
    // What the router loads is exactly what the generator writes.
    expect(OperationManifest.from(JSON.parse(JSON.stringify(manifest))).size).toBe(3);
  });

  it("leaves bodies as written with addTypename: false", async () => {
    const manifest = buildManifest(await readClientSources(dir), { addTypename: false });
    expect(manifest.operations.every((op) => !op.body.includes("__typename"))).toBe(true);
  });

  it("yields an empty manifest when the client does not exist yet", async () => {
    const files = await readClientSources(join(dir, "no-such-client"));
    expect(buildManifest(files)).toEqual({ format: "apollo-persisted-query-manifest", version: 1, operations: [] });
  });

  it("names the file of an anonymous operation, a syntax error or a missing fragment", () => {
    expect(() => buildManifest([{ path: "a.graphql", text: "{ me { id } }" }])).toThrow(/a\.graphql: .*needs a name/);
    expect(() => buildManifest([{ path: "b.graphql", text: "query B {" }])).toThrow(/b\.graphql: Syntax Error/);
    expect(() => buildManifest([{ path: "c.graphql", text: "query C { me { ...Nope } }" }])).toThrow(
      /unknown fragment Nope/,
    );
  });
});

describe("loading a manifest", () => {
  it("refuses an entry whose id is not the hash of its body", () => {
    const body = "query A { me { id } }";
    expect(() => OperationManifest.from({ operations: [{ id: sha256Hex(`${body} `), name: "A", body }] })).toThrow(
      /"A".*not the SHA-256/,
    );
  });

  it("reports a missing file with how to generate it", async () => {
    await expect(OperationManifest.load(join(dir, "missing.json"))).rejects.toThrow(/persisted-manifest\.ts/);
  });
});
