import { describe, expect, it } from "vitest";
import { type ComposeOutcome, composeAll } from "./schema/compose";
import { findDrift } from "./schema/files";

describe("schema composition", () => {
  let outcome: ComposeOutcome;

  it("composes the five subgraphs into a supergraph without errors", async () => {
    outcome = await composeAll();
    expect(outcome.ok ? [] : outcome.errors).toEqual([]);
  });

  it("matches the committed schema files (what `npm run schema:check` enforces)", () => {
    if (!outcome.ok) throw new Error("composition failed; see the test above");
    const drift = findDrift(outcome.files);
    expect(drift.map((file) => file.diff).join("\n\n")).toBe("");
    expect(outcome.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(["schema/supergraph.graphql", "schema/api.graphql", "schema/subgraphs/sellers.graphql"]),
    );
  });

  it("publishes a client API without federation machinery", () => {
    if (!outcome.ok) throw new Error("composition failed; see the first test");
    const api = outcome.files.find((file) => file.path === "schema/api.graphql")?.content ?? "";
    expect(api).toContain("type Query");
    expect(api).not.toMatch(/join__|link__|@inaccessible|_entities|_service/);
  });

  it("publishes a partner contract of public catalog reads only", () => {
    if (!outcome.ok) throw new Error("composition failed; see the first test");
    const partner = outcome.files.find((file) => file.path === "schema/partner.graphql")?.content ?? "";
    expect(partner).toMatch(/products\(/);
    expect(partner).toMatch(/trendingProducts\(/);
    expect(partner).toContain("type Seller {");
    expect(partner).not.toMatch(/type Mutation|type User|email|type Order|type Cart|salesCount|\bstock:|\bme:/);
  });
});
