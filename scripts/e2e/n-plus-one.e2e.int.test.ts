import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededStack, startSeededStack } from "./seeded-stack";

let env: SeededStack;

beforeAll(async () => {
  env = await startSeededStack();
});
afterAll(() => env?.stop());

const LISTING = /* GraphQL */ `
  query Listing($n: Int!) {
    products(first: $n, sort: POPULARITY) {
      edges {
        node {
          title
          seller { name }
          reviews(first: 5) { edges { node { author { name } } } }
          recommendations(first: 4) { title }
        }
      }
    }
  }
`;

async function statementsFor(n: number): Promise<Record<string, number>> {
  env.resetCounts();
  const res = await env.gql<{ products: { edges: unknown[] } }>(LISTING, { n });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.products.edges).toHaveLength(n);
  return Object.fromEntries([...env.counts.entries()].sort());
}

describe("SQL statements per request", () => {
  it("do not grow with the page size (DataLoader on every entity and entity list)", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large).toEqual(small);
    // Every subgraph the plan touches is counted, each with a small constant number of statements.
    expect(Object.keys(small)).toEqual(["catalog", "recommendations", "sellers", "users"]);
    for (const count of Object.values(small)) expect(count).toBeLessThanOrEqual(4);
  });
});
