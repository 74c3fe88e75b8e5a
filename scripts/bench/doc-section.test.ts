import { describe, expect, it } from "vitest";
import { replaceDocSection } from "./doc-section";

describe("a benchmark's section of docs/benchmarks.md", () => {
  it("starts a document when there is none", () => {
    expect(replaceDocSection("", "search", "## Search\nnew figures")).toMatch(
      /^# Benchmarks\n[\s\S]*<!-- bench:search:start -->\n## Search\nnew figures\n<!-- bench:search:end -->\n$/,
    );
  });

  it("replaces its own section and keeps every other", () => {
    const doc = [
      "# Benchmarks",
      "",
      "<!-- bench:router:start -->\nold router\n<!-- bench:router:end -->",
      "",
      "<!-- bench:search:start -->\nold figures\n<!-- bench:search:end -->",
      "",
      "## Notes\nkept",
      "",
    ].join("\n");
    const updated = replaceDocSection(doc, "search", "new figures");
    expect(updated).toContain("old router");
    expect(updated).toContain("## Notes\nkept");
    expect(updated).toContain("<!-- bench:search:start -->\nnew figures\n<!-- bench:search:end -->");
    expect(updated).not.toContain("old figures");
  });

  it("appends its section after other content", () => {
    expect(replaceDocSection("# Benchmarks\n\n## Router\nx\n", "search", "y")).toBe(
      "# Benchmarks\n\n## Router\nx\n\n<!-- bench:search:start -->\ny\n<!-- bench:search:end -->\n",
    );
  });
});
