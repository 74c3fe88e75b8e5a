import { describe, expect, it } from "vitest";
import { SECTION_END, SECTION_START, updateDocument } from "./report";

const section = `${SECTION_START}\nnew figures\n${SECTION_END}`;

describe("updateDocument", () => {
  it("starts a document when there is none", () => {
    expect(updateDocument("", section)).toMatch(
      /^# Benchmarks\n[\s\S]*new figures\n<!-- bench:search-and-listing:end -->\n$/,
    );
  });

  it("replaces its own section and keeps the others", () => {
    const doc = `# Benchmarks\n\n## Router\nold router\n\n${SECTION_START}\nold figures\n${SECTION_END}\n\n## Later\nkept\n`;
    const updated = updateDocument(doc, section);
    expect(updated).toContain("old router");
    expect(updated).toContain("## Later\nkept");
    expect(updated).toContain("new figures");
    expect(updated).not.toContain("old figures");
  });

  it("appends its section after other content", () => {
    expect(updateDocument("# Benchmarks\n\n## Router\nx\n", section)).toBe(
      `# Benchmarks\n\n## Router\nx\n\n${section}\n`,
    );
  });
});
