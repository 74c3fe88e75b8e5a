import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { measureOperation } from "./operation-shape";

const measure = (text: string, name?: string) => {
  const document = parse(text);
  const operation = getOperationAST(document, name);
  if (!operation) throw new Error("no operation");
  return measureOperation(document, operation);
};

/** `{ a { a { … } } }`, `levels` fields deep. */
const nested = (levels: number) => `${"{ a ".repeat(levels)}${"}".repeat(levels)}`.replace(/a }$/, "a }");

describe("measureOperation", () => {
  it("counts a root field as depth 1 and each nested field one more", () => {
    expect(measure("{ a }").depth).toBe(1);
    expect(measure("{ a { b { c } } d }").depth).toBe(3);
    expect(measure(nested(12)).depth).toBe(12);
  });

  it("expands fragments and inline fragments where they are spread", () => {
    const shape = measure(`
      query { a { ...F } }
      fragment F on T { b { ... on U { c { ...G } } } }
      fragment G on V { d { e } }`);
    expect(shape.depth).toBe(5);
  });

  it("survives fragment cycles (which validation rejects) instead of recursing forever", () => {
    const shape = measure(`{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { ...F } }`);
    expect(shape.depth).toBeGreaterThanOrEqual(3);
  });

  it("counts aliases once per spread of the fragment holding them", () => {
    const shape = measure(`{ x: a { ...F } y: a { ...F } } fragment F on T { one: b two: b }`);
    expect(shape.aliases).toBe(2 + 2 * 2);
  });

  it("measures exponentially repeated fragments without expanding them", () => {
    const levels = 60; // 2^60 expanded fields
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on T { x${i}: a ...F${i + 1} ...F${i + 1} }`,
    );
    const text = `{ ...F0 } ${fragments.join(" ")} fragment F${levels} on T { b }`;
    const shape = measure(text);
    expect(shape.aliases).toBeGreaterThan(1e15);
    expect(shape.rootFields).toBe(levels + 1);
  });

  it("counts distinct root response keys, through fragments at the root", () => {
    expect(measure("{ a b a c: a ...R } fragment R on Query { d a }").rootFields).toBe(4);
  });

  it("measures introspection separately from the data graph", () => {
    const shape = measure("{ __schema { types { fields { type { ofType { name } } } } } a { b } }");
    expect(shape).toMatchObject({ introspection: true, introspectionDepth: 6, depth: 2 });
    expect(measure("{ a { __typename } }").introspection).toBe(false);
    expect(measure('{ ...I } fragment I on Query { __type(name: "A") { name } }').introspection).toBe(true);
  });

  it("measures only the operation that runs", () => {
    expect(measure(`query Small { a } query Deep ${nested(20)}`, "Small").depth).toBe(1);
  });
});
