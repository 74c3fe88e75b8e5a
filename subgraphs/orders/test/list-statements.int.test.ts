import { newId } from "@bazaar/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProduct } from "./catalog.fixtures";
import { fillCart } from "./checkout.fixtures";
import { insertOrder } from "./fixtures";
import { type OrdersHarness, type Shopper, startOrders } from "./harness";

let h: OrdersHarness;
let admin: Shopper;
const users = Array.from({ length: 50 }, () => newId("usr"));
const sellers = Array.from({ length: 50 }, (_, i) => `sel_many_${i}`);

beforeAll(async () => {
  h = await startOrders();
  admin = await h.shopper({ roles: ["CUSTOMER", "ADMIN"] });
  for (const [i, userId] of users.entries()) {
    await insertOrder(h.testDb.db, { userId, lines: [{ sellerId: sellers[i] as string }, { sellerId: "sel_shared" }] });
    await insertOrder(h.testDb.db, { userId, lines: [{ sellerId: sellers[i] as string }] });
  }
});
afterAll(() => h?.stop());

async function statementsFor(query: string, reps: { __typename: string; id: string }[]) {
  h.statements.reset();
  const res = await h.gql<{ _entities: unknown[] }>(query, { reps }, admin.headers);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?._entities).toHaveLength(reps.length);
  return h.statements.count;
}

describe("statements per request", () => {
  it("pages the orders of 5 or 50 customers, with lines and fulfillments, in the same statements", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
      orders(first: 5) { totalCount edges { node { number lines { sku } fulfillments { status } payment { status } } } } } } }`;
    const counts = [];
    for (const n of [5, 50])
      counts.push(
        await statementsFor(
          query,
          users.slice(0, n).map((id) => ({ __typename: "User", id })),
        ),
      );
    expect(counts[0]).toBe(counts[1]);
  });

  it("pages the orders of 5 or 50 sellers in the same statements", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Seller {
      orders(first: 5) { totalCount edges { node { number lines { sku } } } } } } }`;
    const counts = [];
    for (const n of [5, 50])
      counts.push(
        await statementsFor(
          query,
          sellers.slice(0, n).map((id) => ({ __typename: "Seller", id })),
        ),
      );
    expect(counts[0]).toBe(counts[1]);
  });

  it("prices a cart of 5 or 50 lines with one call to catalog and the same statements", async () => {
    const catalog = h.server.runtime.catalog;
    const original = catalog.variants.bind(catalog);
    let calls = 0;
    catalog.variants = async (ids) => {
      calls += 1;
      return original(ids);
    };
    const { variantIds } = await insertProduct(h.testDb.db, {
      variants: Array.from({ length: 50 }, (_, i) => ({ price: 100 + i })),
    });
    const counts: number[] = [];
    for (const n of [5, 50]) {
      const me = await h.shopper();
      await fillCart(
        h.testDb.db,
        me.userId,
        variantIds.slice(0, n).map((id) => [id, 1] as [string, number]),
      );
      h.statements.reset();
      calls = 0;
      const res = await h.gql<{ cart: { lines: unknown[]; subtotal: { amount: number } } }>(
        `{ cart { totalQuantity subtotal { amount } lines { unitPrice { amount } total { amount } available } } }`,
        {},
        me.headers,
      );
      expect(res.body.data?.cart.lines).toHaveLength(n);
      expect(calls).toBe(1);
      counts.push(h.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
    catalog.variants = original;
  });
});
