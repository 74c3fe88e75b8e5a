import { createDatabase } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { insertOrder } from "./fixtures";

/**
 * `Review.verifiedPurchase`: the router sends each review's id with its author and product ids
 * (`@requires`), and orders answers from paid orders, batched into one statement per request.
 */
let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let gql: ReturnType<typeof graphqlClient>;

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Review { verifiedPurchase } } }`;
const review = (userId: string, productId: string, id = `rev_${userId}_${productId}`) => ({
  __typename: "Review",
  id,
  author: { id: userId },
  product: { id: productId },
});

async function verified(...reps: ReturnType<typeof review>[]) {
  const res = await gql<{ _entities: { verifiedPurchase: boolean }[] }>(QUERY, { r: reps });
  expect(res.body.errors).toBeUndefined();
  return res.body.data?._entities.map((e) => e.verifiedPurchase);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await (await createServer({ db: createDatabase(testDb.connection, { onQuery: counter.onQuery }) })).listen(
    0,
  );
  gql = graphqlClient(`${server.url}/graphql`);
  const bought = (
    userId: string,
    productId: string,
    status: "PAID" | "COMPLETED" | "PARTIALLY_REFUNDED" | "CANCELLED" | "PENDING_PAYMENT" | "REFUNDED",
  ) => insertOrder(testDb.db, { userId, status, lines: [{ sellerId: "sel_a", productId }] });
  await bought("usr_paid", "prd_lamp", "PAID");
  await bought("usr_done", "prd_lamp", "COMPLETED");
  await bought("usr_partly", "prd_lamp", "PARTIALLY_REFUNDED");
  await bought("usr_cancelled", "prd_lamp", "CANCELLED");
  await bought("usr_pending", "prd_lamp", "PENDING_PAYMENT");
  await bought("usr_refunded", "prd_lamp", "REFUNDED");
  await bought("usr_paid", "prd_other", "CANCELLED");
  for (let i = 0; i < 50; i += 1) await bought(`usr_bulk${i}`, `prd_bulk${i}`, i % 2 === 0 ? "PAID" : "CANCELLED");
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("Review.verifiedPurchase", () => {
  it("is true when the author bought the product in a paid, completed or partly refunded order", async () => {
    expect(
      await verified(review("usr_paid", "prd_lamp"), review("usr_done", "prd_lamp"), review("usr_partly", "prd_lamp")),
    ).toEqual([true, true, true]);
  });

  it("is false for cancelled, unpaid and fully refunded orders, other products and strangers", async () => {
    expect(
      await verified(
        review("usr_cancelled", "prd_lamp"),
        review("usr_pending", "prd_lamp"),
        review("usr_refunded", "prd_lamp"),
        review("usr_paid", "prd_other"),
        review("usr_nobody", "prd_lamp"),
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it("costs one statement for 5 or 50 reviews", async () => {
    for (const n of [5, 50]) {
      counter.reset();
      const answers = await verified(...Array.from({ length: n }, (_, i) => review(`usr_bulk${i}`, `prd_bulk${i}`)));
      expect(answers).toEqual(Array.from({ length: n }, (_, i) => i % 2 === 0));
      expect(counter.count).toBe(1);
    }
  });
});
