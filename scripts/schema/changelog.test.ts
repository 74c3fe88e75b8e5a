import { describe, expect, it } from "vitest";
import { addChangelogEntry, CHANGELOG_HEADER, changelogEntry, schemaDelta } from "./changelog";

const V1 = `
type Query { product(id: ID!): Product }
type Product { id: ID! title: String! weight: Int }
enum Sort { NEWEST OLDEST }
`;
const V2 = `
type Query { product(id: ID!): Product search(query: String!): [Product!]! }
type Product { id: ID! title: String! weight: Int @deprecated(reason: "Use weightGrams") weightGrams: Int reviews: ReviewPage }
type ReviewPage { total: Int! }
enum Sort { NEWEST }
`;

describe("schemaDelta", () => {
  it("lists additions (a new type as one line), new deprecations and removals by coordinate", () => {
    expect(schemaDelta(V1, V2)).toEqual({
      added: ["Query.search", "Product.weightGrams", "Product.reviews", "ReviewPage"],
      deprecated: [{ coordinate: "Product.weight", reason: "Use weightGrams" }],
      removed: ["Sort.OLDEST"],
      changed: [],
    });
  });

  it("names incompatible changes to elements that stay", () => {
    expect(schemaDelta(V1, V1.replace("title: String!", "title: Int")).changed).toEqual([
      "Product.title changed type from String! to Int.",
    ]);
  });
});

describe("the changelog", () => {
  it("gets a dated entry per changed schema, and none when nothing changed", () => {
    expect(changelogEntry("2026-11-22", { api: V1, partner: V1 }, { api: V1, partner: V1 })).toBeUndefined();
    const entry = changelogEntry("2026-11-22", { api: V1 }, { api: V2, partner: V1 });
    expect(entry).toBe(
      [
        "## 2026-11-22",
        "",
        "### API (`schema/api.graphql`)",
        "",
        "- Added: `Query.search`, `Product.weightGrams`, `Product.reviews`, `ReviewPage`",
        "- Deprecated: `Product.weight` — Use weightGrams",
        "- Removed: `Sort.OLDEST`",
        "",
        "### Partner contract (`schema/partner.graphql`)",
        "",
        "- First published.",
        "",
      ].join("\n"),
    );
  });

  it("puts the newest entry first, below the header", () => {
    const first = addChangelogEntry(undefined, "## 2026-11-01\n\n- one\n");
    const second = addChangelogEntry(first, "## 2026-11-22\n\n- two\n");
    expect(second.startsWith(CHANGELOG_HEADER.trimEnd())).toBe(true);
    expect(second.indexOf("2026-11-22")).toBeLessThan(second.indexOf("2026-11-01"));
    expect(second.match(/^# Schema changelog/gm)).toHaveLength(1);
  });
});
