import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { AuthorizationSource } from "./authorization-source";

const supergraph = (field: string) => `
  schema
    @link(url: "https://specs.apollo.dev/link/v1.0")
    @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  { query: Query }
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query { ${field}: String @authenticated open: String }
`;

describe("AuthorizationSource", () => {
  it("hands the gateway the supergraph without the directives and keeps them per served schema", () => {
    const source = new AuthorizationSource();
    const first = source.prepare(supergraph("secret"));
    expect(first).not.toContain("@authenticated");
    const firstSchema = buildSchema("type Query { secret: String open: String }");
    source.activate({ apiSchema: firstSchema, coreSupergraphSdl: first });

    const second = source.prepare(supergraph("hidden"));
    const secondSchema = buildSchema("type Query { hidden: String open: String }");
    source.activate({ apiSchema: secondSchema, coreSupergraphSdl: second });

    // A request validated against the first schema (in flight across a reload) keeps its rules.
    expect([...source.for(firstSchema).fields.keys()]).toEqual(["Query.secret"]);
    expect([...source.for(secondSchema).fields.keys()]).toEqual(["Query.hidden"]);
  });

  it("ignores a supergraph it never prepared, so a rejected reload changes nothing", () => {
    const source = new AuthorizationSource();
    const served = source.prepare(supergraph("secret"));
    source.activate({ apiSchema: buildSchema("type Query { secret: String }"), coreSupergraphSdl: served });
    const stranger = buildSchema("type Query { other: String }");
    source.activate({ apiSchema: stranger, coreSupergraphSdl: "type Query { other: String }" });
    expect([...source.for(stranger).fields.keys()]).toEqual(["Query.secret"]);
  });
});
