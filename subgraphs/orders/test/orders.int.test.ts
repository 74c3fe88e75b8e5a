import { createDatabase } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { testIdentities } from "./auth.fixtures";
import { entitiesClient, representations as reps } from "./entities";
import { insertCart, insertOrder } from "./fixtures";

let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let gql: ReturnType<typeof graphqlClient>;
let entities: ReturnType<typeof entitiesClient>;

const bySku = <T extends { sku: string }>(lines: T[]) => [...lines].sort((a, b) => a.sku.localeCompare(b.sku));

const shippedAt = new Date("2026-11-20T09:30:00.000Z");
let order: Awaited<ReturnType<typeof insertOrder>>;

interface LineView {
  sku: string;
}
interface FulfillmentView {
  seller: { id: string };
  lines: LineView[];
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  const identities = await testIdentities();
  server = await (await createServer({ db, verifyToken: identities.verifyToken, maintenanceIntervalMs: 0 })).listen(0);
  // An admin sees whole orders; what others see is order-access.int.test.ts's subject.
  gql = graphqlClient(`${server.url}/graphql`, await identities.headers("usr_admin", ["CUSTOMER", "ADMIN"]));
  entities = entitiesClient(gql);
  order = await insertOrder(testDb.db, {
    userId: "usr_ada",
    currency: "EUR",
    shippingTotal: 700,
    taxTotal: 300,
    lines: [
      {
        sellerId: "sel_a",
        sku: "A-1",
        title: "Teapot",
        quantity: 2,
        unitPrice: 1500,
        productId: "prd_tea",
        variantId: "var_tea",
      },
      { sellerId: "sel_a", sku: "A-2", title: "Cups", quantity: 1, unitPrice: 500 },
      { sellerId: "sel_b", sku: "B-1", title: "Kettle", quantity: 3, unitPrice: 1000 },
    ],
    fulfillments: { sel_b: { status: "SHIPPED", trackingNumber: "TRK-1", shippedAt } },
  });
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("Order entity", () => {
  it("resolves totals as Money in the order's currency, and its customer as a User reference", async () => {
    const [resolved] = await entities<{ placedAt: string }>(
      `... on Order { id number status placedAt customer { id }
        subtotal { amount currencyCode } shippingTotal { amount currencyCode }
        taxTotal { amount currencyCode } total { amount currencyCode } }`,
      reps("Order", [order.order.id as string]),
    );
    expect(resolved).toMatchObject({
      id: order.order.id,
      number: order.order.number,
      status: "PAID",
      customer: { id: "usr_ada" },
      subtotal: { amount: 6500, currencyCode: "EUR" },
      shippingTotal: { amount: 700, currencyCode: "EUR" },
      taxTotal: { amount: 300, currencyCode: "EUR" },
      total: { amount: 7500, currencyCode: "EUR" },
    });
    expect(new Date(resolved?.placedAt ?? "").toISOString()).toBe(resolved?.placedAt);
  });

  it("lists its lines with snapshot prices and references to product, variant and seller", async () => {
    const [resolved] = await entities<{ lines: LineView[] }>(
      `... on Order { lines { id title sku quantity unitPrice { amount currencyCode }
        total { amount currencyCode } product { id } variant { id } seller { id } } }`,
      reps("Order", [order.order.id as string]),
    );
    expect(bySku(resolved?.lines ?? [])).toEqual([
      {
        id: order.lines[0]?.id,
        title: "Teapot",
        sku: "A-1",
        quantity: 2,
        unitPrice: { amount: 1500, currencyCode: "EUR" },
        total: { amount: 3000, currencyCode: "EUR" },
        product: { id: "prd_tea" },
        variant: { id: "var_tea" },
        seller: { id: "sel_a" },
      },
      expect.objectContaining({ sku: "A-2", total: { amount: 500, currencyCode: "EUR" }, seller: { id: "sel_a" } }),
      expect.objectContaining({ sku: "B-1", total: { amount: 3000, currencyCode: "EUR" }, seller: { id: "sel_b" } }),
    ]);
  });

  it("has one fulfillment per seller, each holding only that seller's lines", async () => {
    const [resolved] = await entities<{ fulfillments: FulfillmentView[] }>(
      `... on Order { fulfillments { status seller { id } trackingNumber shippedAt deliveredAt
        lines { sku } order { id } } }`,
      reps("Order", [order.order.id as string]),
    );
    const sorted = [...(resolved?.fulfillments ?? [])].sort((a, b) => a.seller.id.localeCompare(b.seller.id));
    expect(sorted.map((f) => ({ ...f, lines: bySku(f.lines) }))).toEqual([
      {
        status: "UNFULFILLED",
        seller: { id: "sel_a" },
        trackingNumber: null,
        shippedAt: null,
        deliveredAt: null,
        lines: [{ sku: "A-1" }, { sku: "A-2" }],
        order: { id: order.order.id },
      },
      {
        status: "SHIPPED",
        seller: { id: "sel_b" },
        trackingNumber: "TRK-1",
        shippedAt: shippedAt.toISOString(),
        deliveredAt: null,
        lines: [{ sku: "B-1" }],
        order: { id: order.order.id },
      },
    ]);
  });
});

describe("Fulfillment entity", () => {
  it("resolves by id with its own lines and its order", async () => {
    const shipped = order.fulfillments.find((f) => f.sellerId === "sel_b");
    const resolved = await entities(
      `... on Fulfillment { id status seller { id } trackingNumber shippedAt
        lines { sku total { amount currencyCode } } order { number total { amount } } }`,
      reps("Fulfillment", [shipped?.id as string]),
    );
    expect(resolved).toEqual([
      {
        id: shipped?.id,
        status: "SHIPPED",
        seller: { id: "sel_b" },
        trackingNumber: "TRK-1",
        shippedAt: shippedAt.toISOString(),
        lines: [{ sku: "B-1", total: { amount: 3000, currencyCode: "EUR" } }],
        order: { number: order.order.number, total: { amount: 7500 } },
      },
    ]);
  });
});

describe("Cart entity", () => {
  it("resolves by id with its lines pointing at variants", async () => {
    const { cart } = await insertCart(testDb.db, [
      { variantId: "var_mug", quantity: 2 },
      { variantId: "var_pen", quantity: 1 },
    ]);
    const [resolved] = await entities<{ id: string; createdAt: string; lines: { variant: { id: string } }[] }>(
      `... on Cart { id createdAt updatedAt lines { quantity variant { id } } }`,
      reps("Cart", [cart.id]),
    );
    expect(resolved?.id).toBe(cart.id);
    expect(Number.isNaN(Date.parse(resolved?.createdAt ?? ""))).toBe(false);
    expect([...(resolved?.lines ?? [])].sort((a, b) => a.variant.id.localeCompare(b.variant.id))).toEqual([
      { quantity: 2, variant: { id: "var_mug" } },
      { quantity: 1, variant: { id: "var_pen" } },
    ]);
  });

  it("resolves an empty cart with no lines", async () => {
    const { cart } = await insertCart(testDb.db, []);
    expect(await entities(`... on Cart { lines { id } }`, reps("Cart", [cart.id]))).toEqual([{ lines: [] }]);
  });
});

describe("references to unknown ids", () => {
  it("resolve to null for orders, fulfillments and carts", async () => {
    const resolved = await entities(`... on Order { id } ... on Fulfillment { id } ... on Cart { id }`, [
      ...reps("Order", ["ord_none"]),
      ...reps("Fulfillment", ["ful_none"]),
      ...reps("Cart", ["crt_none"]),
    ]);
    expect(resolved).toEqual([null, null, null]);
  });
});

describe("public surface", () => {
  it("has the cart and order root fields, and the cart, checkout and order mutations", async () => {
    const res = await gql<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
    }>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    expect(res.body.data?.__schema.queryType.fields.map((f) => f.name)).toEqual([
      "cart",
      "order",
      "_entities",
      "_service",
    ]);
    expect(res.body.data?.__schema.mutationType.fields.map((f) => f.name).sort()).toEqual(
      [
        "addToCart",
        "cancelOrder",
        "checkout",
        "confirmSandboxPayment",
        "markFulfillmentDelivered",
        "markFulfillmentShipped",
        "mergeCart",
        "refundOrder",
        "removeCartLine",
        "updateCartLine",
      ].sort(),
    );
  });
});
