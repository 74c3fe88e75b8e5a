import type { Role, Viewer } from "@bazaar/auth";
import { getOperationAST, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { shopSchema } from "../../protection/test-schema.fixture";
import { readAuthRequirements } from "./auth-directives";
import { authorizeOperation } from "./authorize-operation";
import { applyDenials } from "./denial-plan";

// The directives as composition writes them into a supergraph; requiresScopes linked under another name.
const requirements = readAuthRequirements(`
  schema
    @link(url: "https://specs.apollo.dev/link/v1.0")
    @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
    @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY)
  { query: Query mutation: Mutation }
  type Mutation { addReview(text: String!): Review! @authenticated }
  type User {
    email: String @authenticated
    addresses: [Address!] @authenticated
    secret: Secret
    orders: [Order!]! @scopes(scopes: [["ADMIN"], ["SUPPORT", "AUDITOR"]])
  }
  type Secret @authenticated { code: String! }
`);

const viewer = (...roles: string[]): Viewer => ({
  userId: "usr_1",
  roles: roles as Role[],
  sellerId: null,
  tokenId: "t",
  expiresAt: new Date(),
});

function authorize(text: string, who: Viewer | null) {
  const document = parse(text);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return authorizeOperation(shopSchema, requirements, document, operation, who);
}

/** Runs the rewritten operation against `data` shaped as the gateway would return it. */
function respond(text: string, who: Viewer | null, data: Record<string, unknown>) {
  const authorized = authorize(text, who);
  const errors = applyDenials(data, authorized.plan).map((e) => ({ path: e.path, code: e.extensions.code }));
  return { data, errors };
}

describe("reading @authenticated and @requiresScopes from a supergraph", () => {
  it("collects field and type requirements under their linked names", () => {
    expect(requirements.fields.get("User.email")).toEqual({ authenticated: true, scopes: [] });
    expect(requirements.fields.get("User.orders")).toEqual({
      authenticated: false,
      scopes: [[["ADMIN"], ["SUPPORT", "AUDITOR"]]],
    });
    expect(requirements.types.get("Secret")).toEqual({ authenticated: true, scopes: [] });
    expect(requirements.fields.has("User.name")).toBe(false);
  });

  it("finds nothing in a supergraph that does not link the features", () => {
    const none = readAuthRequirements("schema { query: Query } type Query { a: String @authenticated }");
    expect(none.fields.size + none.types.size).toBe(0);
  });
});

describe("withholding fields the viewer may not see", () => {
  it("asks for __typename under a placeholder instead of the withheld field", () => {
    const { document } = authorize("{ me { id email name } }", null);
    expect(print(document ?? parse("{a}"))).toContain("me {\n    id\n    _bzr_denied_email: __typename\n    name\n  }");
  });

  it("answers null with UNAUTHENTICATED at the field's path, keeping the key order", () => {
    const response = respond("{ me { id email name } }", null, {
      me: { id: "1", _bzr_denied_email: "User", name: "A" },
    });
    expect(JSON.stringify(response.data)).toBe('{"me":{"id":"1","email":null,"name":"A"}}');
    expect(response.errors).toEqual([{ path: ["me", "email"], code: "UNAUTHENTICATED" }]);
  });

  it("leaves the operation alone for a viewer who may see everything selected", () => {
    expect(authorize("{ me { email addresses { city } orders { id } } }", viewer("ADMIN")).document).toBeUndefined();
    expect(authorize("{ me { orders { id } } }", viewer("SUPPORT", "AUDITOR")).document).toBeUndefined();
  });

  it("reports each list item at its own path", () => {
    const item = () => ({
      reviews: [{ author: { _bzr_denied_email: "User" } }, { author: { _bzr_denied_email: "User" } }],
    });
    const response = respond("{ trending { reviews { author { email } } } }", null, { trending: [item(), item()] });
    expect(response.errors.map((e) => e.path?.join("."))).toEqual([
      "trending.0.reviews.0.author.email",
      "trending.0.reviews.1.author.email",
      "trending.1.reviews.0.author.email",
      "trending.1.reviews.1.author.email",
    ]);
  });

  it("guards every field returning a type marked @authenticated", () => {
    const response = respond("{ me { secret { code } } }", null, { me: { _bzr_denied_secret: "User" } });
    expect(response).toEqual({
      data: { me: { secret: null } },
      errors: [{ path: ["me", "secret"], code: "UNAUTHENTICATED" }],
    });
  });

  it("nulls the nearest nullable ancestor of a withheld non-null field, FORBIDDEN without the scopes", () => {
    const { document } = authorize("{ me { name orders { id } } }", viewer("SUPPORT"));
    expect(print(document ?? parse("{a}"))).toContain("_bzr_denied_me: __typename");
    const response = respond("{ me { name orders { id } } }", viewer("SUPPORT"), { _bzr_denied_me: "Query" });
    expect(response).toEqual({ data: { me: null }, errors: [{ path: ["me", "orders"], code: "FORBIDDEN" }] });
  });

  it("nulls data itself, running nothing, when the withheld field is a non-null root field", () => {
    const authorized = authorize('mutation { addReview(text: "x") { id } }', null);
    expect(authorized.rootDenials).toEqual([
      { code: "UNAUTHENTICATED", message: "Mutation.addReview requires a signed-in user", tail: ["addReview"] },
    ]);
    expect(authorized.document).toBeUndefined();
  });

  it("rewrites a fragment once for all its spreads and bubbles out of it", () => {
    const text = `{ a: me { ...U } b: me { ...U } }
      fragment U on User { id orders { ...O } }
      fragment O on Order { id total }`;
    const { document } = authorize(text, viewer("CUSTOMER"));
    const printed = print(document ?? parse("{a}"));
    expect(printed).toContain("_bzr_denied_a: __typename");
    expect(printed).toContain("_bzr_denied_b: __typename");
    // Spread only inside withheld fields now: dropped, so the planner sees no unused fragment.
    expect(printed).not.toContain("fragment");
  });

  it("produces nothing where the placeholder is absent (parent null or field skipped)", () => {
    expect(respond("{ me { email } }", null, { me: null }).errors).toEqual([]);
    expect(respond("query($s: Boolean!) { me { id email @skip(if: $s) } }", null, { me: { id: "1" } }).errors).toEqual(
      [],
    );
  });

  it("writes a withheld __proto__ alias as an own key, never touching Object.prototype", () => {
    const response = respond("{ me { __proto__: email } }", null, { me: { _bzr_denied___proto__: "User" } });
    const me = response.data.me as Record<string, unknown>;
    expect(Object.hasOwn(me, "__proto__")).toBe(true);
    expect(JSON.stringify(response.data)).toBe('{"me":{"__proto__":null}}');
    expect(Object.getPrototypeOf(me)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).email).toBeUndefined();
  });

  it("picks a placeholder prefix no alias of the document uses", () => {
    const { document } = authorize("{ _bzr_denied_x: me { email } }", null);
    expect(print(document ?? parse("{a}"))).toContain("_bzr0_denied_email: __typename");
  });
});
