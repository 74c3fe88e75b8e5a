import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { resolveProtectionConfig } from "./config";
import { operationCost } from "./cost";
import { shopSchema } from "./test-schema.fixture";

const defaults = resolveProtectionConfig().cost;

const cost = (text: string, variables?: Record<string, unknown>, options = defaults) => {
  const document = parse(text);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return operationCost(shopSchema, document, operation, variables, options);
};

describe("operationCost", () => {
  it("weighs object fields 1 and scalars 0", () => {
    expect(cost("{ product(id: 1) { id title } }")).toBe(1);
    expect(cost("{ product(id: 1) { price { amount } seller { name } } }")).toBe(3);
  });

  it("multiplies a list by its first argument, or the argument's default", () => {
    expect(cost("{ trending(first: 5) { id } }")).toBe(5);
    expect(cost("{ trending { id } }")).toBe(10);
  });

  it("multiplies a list without a size argument by the default list size", () => {
    expect(cost("{ categories { id } }")).toBe(10);
    expect(cost("{ categories { id } }", undefined, { ...defaults, defaultListSize: 3 })).toBe(3);
  });

  it("carries a connection's first to its edges and nodes, once", () => {
    // products 1 + edges 20 × (1 + node 1 + seller 1)
    expect(cost("{ products(first: 20) { totalCount edges { node { seller { name } } } } }")).toBe(1 + 20 * 3);
    expect(cost("{ products { nodes { id } } }")).toBe(1 + 20);
    expect(cost("{ products(first: 7) { pageInfo { hasNextPage } } }")).toBe(2);
  });

  it("multiplies nested lists", () => {
    // trending 10 × (1 + reviews 4 × (1 + author 1))
    expect(cost("{ trending { reviews(last: 4) { author { id } } } }")).toBe(10 * (1 + 4 * 2));
    expect(cost("{ products(first: 100) { edges { node { reviews(first: 100) { id } } } } }")).toBe(
      1 + 100 * (1 + 1 + 100),
    );
  });

  it("reads sizes from variables and from variable defaults", () => {
    const text = "query($n: Int = 3) { trending(first: $n) { id } }";
    expect(cost(text)).toBe(3);
    expect(cost(text, { n: 40 })).toBe(40);
  });

  it("applies per-type and per-field weights, the field winning", () => {
    const options = { ...defaults, weights: { Money: 0, Seller: 5, "Product.seller": 2, "Query.search": 50 } };
    expect(cost("{ product(id: 1) { price { amount } seller { name } } }", undefined, options)).toBe(1 + 0 + 2);
    expect(cost('{ search(query: "x") { id } }', undefined, options)).toBe(10 * 50);
  });

  it("expands fragments, costing each (fragment, inherited size) once", () => {
    const text = `{ a: trending(first: 2) { ...P } b: trending(first: 3) { ...P } }
      fragment P on Product { seller { owner { id } } }`;
    expect(cost(text)).toBe(2 * 3 + 3 * 3);
  });

  it("does not charge introspection or __typename", () => {
    expect(cost("{ __typename __schema { types { fields { name } } } }")).toBe(0);
  });
});
