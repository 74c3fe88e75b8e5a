import { composeServices } from "@apollo/composition";
import { buildSchema, lexicographicSortSchema, parse, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { partnerContract } from "./contract";

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@tag"])';

const SHOP = `${LINK}
type Query {
  product(id: ID! @tag(name: "partner"), preview: Boolean): Product @tag(name: "partner")
  products(first: Int, filter: Filter): [Product!]! @tag(name: "partner")
  adminStats: Int
}
type Mutation { deleteProduct(id: ID!): Boolean }
type Product @key(fields: "id") @tag(name: "partner") {
  id: ID! @tag(name: "partner")
  title: String! @tag(name: "partner")
  costPrice: Int
  price: Money! @tag(name: "partner")
  status: Status! @tag(name: "partner")
}
type Money { amount: Int! currency: String! }
enum Status { ACTIVE @tag(name: "partner") DRAFT HIDDEN }
input Filter { q: String internalFlag: Boolean }
`;

const ACCOUNTS = `${LINK}
type Query { me: User }
type User @key(fields: "id") { id: ID! email: String! }
type Product @key(fields: "id") { id: ID! owner: User }
`;

/** Composes fixture subgraphs and returns the contract of their API schema. */
function contractOf(subgraphs: Record<string, string>): string {
  const result = composeServices(
    Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: `http://${name}/graphql`, typeDefs: parse(sdl) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return partnerContract(api, result.supergraphSdl);
}

const normalise = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));

describe("partnerContract", () => {
  it("keeps tagged root fields, entity fields, arguments and enum values and the types they need", () => {
    expect(normalise(contractOf({ shop: SHOP, accounts: ACCOUNTS }))).toBe(
      normalise(`
        type Query {
          product(id: ID!): Product
          products(first: Int, filter: Filter): [Product!]!
        }
        type Product { id: ID! title: String! price: Money! status: Status! }
        type Money { amount: Int! currency: String! }
        enum Status { ACTIVE }
        input Filter { q: String internalFlag: Boolean }
      `),
    );
  });

  it("drops untagged fields other subgraphs add to a tagged entity, and unreachable types", () => {
    const contract = contractOf({ shop: SHOP, accounts: ACCOUNTS });
    expect(contract).not.toMatch(/owner|User|email|costPrice|adminStats|Mutation|preview|DRAFT/);
  });

  it("refuses a tagged field that leads to an entity nobody tagged", () => {
    const tagged = ACCOUNTS.replace("owner: User", 'owner: User @tag(name: "partner")');
    expect(() => contractOf({ shop: SHOP, accounts: tagged })).toThrow(
      /Product\.owner is tagged "partner" but returns User/,
    );
  });

  it("refuses to drop a required argument", () => {
    const required = SHOP.replace("preview: Boolean", "preview: Boolean!");
    expect(() => contractOf({ shop: required, accounts: ACCOUNTS })).toThrow(/Query\.product\(preview:\) is required/);
  });

  it("needs at least one tagged query field", () => {
    const untagged = SHOP.replaceAll('@tag(name: "partner")', "");
    expect(() => contractOf({ shop: untagged, accounts: ACCOUNTS })).toThrow();
  });
});
