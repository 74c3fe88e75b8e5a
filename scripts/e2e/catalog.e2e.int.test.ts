import {
  type AccessTokenSubject,
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  signAccessToken,
} from "@bazaar/auth";
import { tables } from "@bazaar/drizzle";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "../seed/index";
import { type SeededStack, startSeededStack } from "./seeded-stack";

/** Catalog's write side and Review.verifiedPurchase through the real router on seeded data. */
const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
let env: SeededStack;

beforeAll(async () => {
  env = await startSeededStack({ keyRing: ring });
});
afterAll(() => env?.stop());

async function as(subject: Partial<AccessTokenSubject> & { userId: string }) {
  const { token } = await signAccessToken(ring, defaultVerifierConfig(), { roles: ["CUSTOMER"], sellerId: null, ...subject });
  return { authorization: `Bearer ${token}` };
}

/** A seeded, publicly listed product of another store than the demo seller's, and one of its variants. */
async function someProducts(n: number) {
  return env.testDb.db
    .select({ id: tables.products.id, sellerId: tables.products.sellerId })
    .from(tables.products)
    .where(and(eq(tables.products.status, "ACTIVE"), ne(tables.products.sellerId, seedId("sel", 0))))
    .orderBy(tables.products.id)
    .limit(n);
}

describe("the internal stock API", () => {
  it.each(["reserveStock", "commitReservation", "releaseReservation", "syncSellerStatus"])(
    "%s is not part of the router's API",
    async (field) => {
      const res = await env.gql(`mutation { ${field}(input: {}) { userErrors { code } } }`);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(res.body.errors?.[0]?.message).toContain(`Cannot query field "${field}"`);
    },
  );
});

describe("catalog management through the router", () => {
  const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) {
    product { id status seller { id name } variants { id sku } } userErrors { code field } } }`;
  const SET_STOCK = `mutation($input: SetStockInput!) { setStock(input: $input) { variant { stock } userErrors { code } } }`;

  it("lets a seller list a product in their store and manage its stock; other sellers are refused", async () => {
    const [category] = await env.testDb.db.select({ id: tables.categories.id }).from(tables.categories).limit(1);
    const seller = await as({ userId: "usr_e2e_seller", roles: ["CUSTOMER", "SELLER"], sellerId: seedId("sel", 0) });
    const input = { title: "E2E Lantern", categoryId: category!.id, status: "ACTIVE", variants: [{ sku: "E2E-LANTERN", price: 2900, stock: 3 }] };
    const created = await env.gql<{ createProduct: { product: { id: string; seller: { id: string; name: string }; variants: { id: string }[] } } }>(
      CREATE,
      { input },
      seller,
    );
    expect(created.body.errors).toBeUndefined();
    const product = created.body.data!.createProduct.product;
    // The seller's name comes from the sellers subgraph: the new product is a full entity at once.
    expect(product.seller).toMatchObject({ id: seedId("sel", 0), name: expect.any(String) });

    const variantId = product.variants[0]!.id;
    const set = await env.gql(SET_STOCK, { input: { variantId, stock: 7 } }, seller);
    expect(set.body.data).toEqual({ setStock: { variant: { stock: 7 }, userErrors: [] } });
    const other = await as({ userId: "usr_e2e_other", roles: ["CUSTOMER", "SELLER"], sellerId: seedId("sel", 1) });
    expect((await env.gql(SET_STOCK, { input: { variantId, stock: 0 } }, other)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await env.gql(SET_STOCK, { input: { variantId, stock: 0 } })).body.errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });
});

describe("Review.verifiedPurchase (orders, through the router)", () => {
  const ADD_REVIEW = `mutation($input: AddReviewInput!) { addReview(input: $input) {
    review { id author { id } verifiedPurchase } userErrors { code } } }`;

  /** An order of `productIds` for `userId`, written the way checkout leaves one. */
  async function placeOrder(userId: string, status: "PAID" | "CANCELLED", product: { id: string; sellerId: string }) {
    const orderId = `ord_e2e_${userId}_${status}`;
    const db = env.testDb.db;
    await db.insert(tables.orders).values({ id: orderId, number: `E2E-${userId}-${status}`, userId, status, subtotal: 100, total: 100 });
    await db.insert(tables.fulfillments).values({ id: `ful_${orderId}`, orderId, sellerId: product.sellerId });
    await db.insert(tables.orderLines).values({
      id: `oln_${orderId}`,
      orderId,
      fulfillmentId: `ful_${orderId}`,
      productId: product.id,
      variantId: "var_e2e",
      sellerId: product.sellerId,
      title: "Bought",
      sku: "E2E",
      unitPrice: 100,
      quantity: 1,
      total: 100,
    });
  }

  it("is true for a review of a product its author paid for, false otherwise", async () => {
    const [paid, cancelled, never] = (await someProducts(3)) as [{ id: string; sellerId: string }, { id: string; sellerId: string }, { id: string; sellerId: string }];
    await placeOrder("usr_e2e_buyer", "PAID", paid);
    await placeOrder("usr_e2e_buyer", "CANCELLED", cancelled);
    const buyer = await as({ userId: "usr_e2e_buyer" });
    const answers: boolean[] = [];
    for (const product of [paid, cancelled, never]) {
      const res = await env.gql<{ addReview: { review: { verifiedPurchase: boolean } | null; userErrors: unknown[] } }>(
        ADD_REVIEW,
        { input: { productId: product.id, rating: 5, title: "Solid" } },
        buyer,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.addReview.userErrors).toEqual([]);
      answers.push(res.body.data!.addReview.review!.verifiedPurchase);
    }
    expect(answers).toEqual([true, false, false]);

    // The same answer when the review is reached as part of a product page.
    const page = await env.gql<{ product: { reviews: { edges: { node: { author: { id: string }; verifiedPurchase: boolean } }[] } } }>(
      `query($id: ID!) { product(id: $id) { reviews(first: 100) { edges { node { author { id } verifiedPurchase } } } } }`,
      { id: paid.id },
    );
    const mine = page.body.data?.product.reviews.edges.find((e) => e.node.author.id === "usr_e2e_buyer");
    expect(mine?.node.verifiedPurchase).toBe(true);
  });

  it("costs orders one statement however many reviews a page shows", async () => {
    const query = `query($n: Int!) { products(first: $n, sort: RATING) { edges { node {
      reviews(first: 5) { edges { node { verifiedPurchase } } } } } } }`;
    const ordersStatements: number[] = [];
    for (const n of [5, 50]) {
      env.resetCounts();
      const res = await env.gql(query, { n });
      expect(res.body.errors).toBeUndefined();
      ordersStatements.push(env.counts.get("orders") ?? 0);
    }
    expect(ordersStatements).toEqual([1, 1]);
  });
});
