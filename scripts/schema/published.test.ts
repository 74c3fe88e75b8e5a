import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { committedVersion, compareWithPublished, publishedVersion } from "./published";

const root = mkdtempSync(join(tmpdir(), "bazaar-published-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@bazaar.test", ...args], { cwd: root });

const V1 = "type Query { a: Int b: Int }\n";
mkdirSync(join(root, "schema"));
writeFileSync(join(root, "schema/api.graphql"), V1);
git("init", "--quiet");
git("add", ".");
git("commit", "--quiet", "-m", "publish v1");
writeFileSync(join(root, "schema/api.graphql"), "type Query { a: Int }\n");
writeFileSync(join(root, "schema/partner.graphql"), "type Query { a: Int }\n");

describe("the published version of a schema", () => {
  it("is the committed one, not the working copy", () => {
    expect(committedVersion("schema/api.graphql", root)).toBe(V1);
    expect(publishedVersion("schema/api.graphql", root)).toBe(V1);
  });

  it("falls back to the working copy for a file never committed", () => {
    expect(committedVersion("schema/partner.graphql", root)).toBeUndefined();
    expect(publishedVersion("schema/partner.graphql", root)).toBe("type Query { a: Int }\n");
  });

  it("is what composed schemas are checked against", () => {
    const [comparison] = compareWithPublished(
      [{ path: "schema/api.graphql", content: "type Query { a: Int }\n" }],
      root,
    );
    expect(comparison?.report.failures.map((c) => c.description)).toEqual(["Query.b was removed."]);
  });
});
