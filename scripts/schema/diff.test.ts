import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./diff";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n", "x", "y")).toBe("");
  });

  it("shows a changed line with three lines of context and correct hunk ranges", () => {
    const before = lines(10).join("\n");
    const after = lines(10)
      .map((l) => (l === "line 5" ? "line five" : l))
      .join("\n");
    expect(unifiedDiff(before, after, "a.graphql", "b.graphql").split("\n")).toEqual([
      "--- a.graphql",
      "+++ b.graphql",
      "@@ -2,7 +2,7 @@",
      " line 2",
      " line 3",
      " line 4",
      "-line 5",
      "+line five",
      " line 6",
      " line 7",
      " line 8",
    ]);
  });

  it("splits distant changes into separate hunks and counts insertions", () => {
    const before = lines(30);
    const after = [...before.slice(0, 2), "inserted", ...before.slice(2, 25), ...before.slice(26)];
    const diff = unifiedDiff(before.join("\n"), after.join("\n"), "a", "b");
    expect(diff.match(/^@@.*@@$/gm)).toEqual(["@@ -1,5 +1,6 @@", "@@ -23,7 +24,6 @@"]);
    expect(diff).toContain("+inserted");
    expect(diff).toContain("-line 26");
  });

  it("diffs against an empty (missing) file", () => {
    expect(unifiedDiff("", "type Query {\n}", "a", "b").split("\n").slice(2)).toEqual([
      "@@ -0,0 +1,2 @@",
      "+type Query {",
      "+}",
    ]);
  });
});
