import { describe, expect, it } from "vitest";
import { gatewayCompatibleSupergraph } from "./supergraph";

const withAuthenticated = `
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
{ query: Query }
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT
scalar requiresScopes__Scope
type Query { me: User @authenticated  admin: String @requiresScopes(scopes: [["admin"]]) }
type User { id: ID! email: String! @authenticated }
`;

describe("gatewayCompatibleSupergraph", () => {
  it("removes the authorization features, their definitions and every use", () => {
    const { sdl, removed } = gatewayCompatibleSupergraph(withAuthenticated);
    expect(removed.sort()).toEqual(["authenticated", "requiresScopes"]);
    expect(sdl).not.toMatch(/authenticated|requiresScopes/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)');
    expect(sdl).toContain("email: String!");
  });

  it("leaves a supergraph without them byte for byte as it was", () => {
    const plain = 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }\ntype Query { a: Int }\n';
    expect(gatewayCompatibleSupergraph(plain)).toEqual({ sdl: plain, removed: [] });
  });
});
