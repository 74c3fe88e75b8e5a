import { describe, expect, it } from "vitest";
import { compatibility } from "./breaking";

const PUBLISHED = `
type Query {
  product(id: ID!, preview: Boolean): Product
  legacyProduct(id: ID!, mode: String): Product @deprecated(reason: "Use product")
  oldReport: Report @deprecated(reason: "Gone in 2027")
  sort: Sort
}
type Product {
  id: ID!
  title: String!
  subtitle: String @deprecated(reason: "Use title")
  weight: Int @deprecated(reason: "Use weightGrams")
  weightGrams: Int
}
type Report { rows: Int }
enum Sort { NEWEST OLDEST @deprecated(reason: "Unused") POPULAR }
`;

const descriptions = (changes: { description: string }[]) => changes.map((c) => c.description);

describe("compatibility with the published schema", () => {
  it("accepts additions", () => {
    const report = compatibility(PUBLISHED, PUBLISHED.replace("weightGrams: Int", "weightGrams: Int\n  brand: String"));
    expect(report.failures).toEqual([]);
    expect(report.retired).toEqual([]);
  });

  it("fails on removing a field, an enum value or an argument that was not deprecated", () => {
    const next = PUBLISHED.replace("  title: String!\n", "")
      .replace(" POPULAR }", " }")
      .replace("product(id: ID!, preview: Boolean)", "product(id: ID!)");
    expect(descriptions(compatibility(PUBLISHED, next).failures).sort()).toEqual([
      "POPULAR was removed from enum type Sort.",
      "Product.title was removed.",
      "Query.product arg preview was removed.",
    ]);
  });

  it("fails on changing a live field's type incompatibly", () => {
    const report = compatibility(PUBLISHED, PUBLISHED.replace("title: String!", "title: Int!"));
    expect(descriptions(report.failures)).toEqual(["Product.title changed type from String! to Int!."]);
  });

  it("accepts removing what the published version deprecated, saying so", () => {
    const next = PUBLISHED.replace(/ {2}subtitle: .*\n/, "")
      .replace("weight: Int @deprecated", "weight: String @deprecated")
      .replace(' OLDEST @deprecated(reason: "Unused")', "")
      .replace("legacyProduct(id: ID!, mode: String)", "legacyProduct(id: ID!)");
    const report = compatibility(PUBLISHED, next);
    expect(report.failures).toEqual([]);
    expect(report.retired.map((c) => [c.description, c.allowedBecause]).sort()).toEqual([
      ["OLDEST was removed from enum type Sort.", "deprecated: Unused"],
      ["Product.subtitle was removed.", "deprecated: Use title"],
      ["Product.weight changed type from Int to String.", "deprecated: Use weightGrams"],
      ["Query.legacyProduct arg mode was removed.", "deprecated: Use product"],
    ]);
  });

  it("accepts removing a type only deprecated fields returned, together with those fields", () => {
    const next = PUBLISHED.replace(/ {2}oldReport: .*\n/, "").replace("type Report { rows: Int }", "");
    const report = compatibility(PUBLISHED, next);
    expect(report.failures).toEqual([]);
    expect(descriptions(report.retired).sort()).toEqual(["Query.oldReport was removed.", "Report was removed."]);
  });

  it("fails on removing a type a live field still returned", () => {
    const published = PUBLISHED.replace("sort: Sort", "sort: Sort\n  report: Report");
    const next = published
      .replace(/ {2}oldReport: .*\n/, "")
      .replace(/ {2}report: .*\n/, "")
      .replace("type Report { rows: Int }", "");
    expect(descriptions(compatibility(published, next).failures).sort()).toEqual([
      "Query.report was removed.",
      "Report was removed.",
    ]);
  });

  it("reports dangerous changes such as a new enum value", () => {
    const report = compatibility(PUBLISHED, PUBLISHED.replace(" POPULAR }", " POPULAR RATING }"));
    expect(report.failures).toEqual([]);
    expect(descriptions(report.dangerous)).toEqual(["RATING was added to enum type Sort."]);
  });
});
