import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { failedFetchErrors } from "./failed-fetch";

const failure = { code: "SUBGRAPH_TIMEOUT", message: "late" } as const;

describe("failedFetchErrors", () => {
  it("puts one error at each root field a root fetch asked for, by response key", () => {
    const document = parse(`query Q { __typename product(slug: "x") { title } top: trendingProducts { id } }`);
    expect(failedFetchErrors(document, {}, failure)).toEqual([
      { message: "late", path: ["product"], extensions: { code: "SUBGRAPH_TIMEOUT" } },
      { message: "late", path: ["top"], extensions: { code: "SUBGRAPH_TIMEOUT" } },
    ]);
  });

  it("puts errors of an entity fetch at each entity's fields, looking through fragments", () => {
    const document = parse(`
      query Q($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Product { __typename ...Recs } }
      }
      fragment Recs on Product { recommendations { id } frequentlyBoughtTogether { id } }
    `);
    const paths = failedFetchErrors(document, { representations: [{}, {}] }, failure).map((e) => e.path);
    expect(paths).toEqual([
      ["_entities", 0, "recommendations"],
      ["_entities", 0, "frequentlyBoughtTogether"],
      ["_entities", 1, "recommendations"],
      ["_entities", 1, "frequentlyBoughtTogether"],
    ]);
  });

  it("falls back to one error without a path when it cannot tell", () => {
    expect(failedFetchErrors(parse("fragment F on Query { a }"), {}, failure)).toEqual([
      { message: "late", extensions: { code: "SUBGRAPH_TIMEOUT" } },
    ]);
  });
});
