import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OrdersHarness, type Shopper, startOrders } from "./harness";
import { cast, twoSellerOrder } from "./order-flow.fixtures";

let h: OrdersHarness;
let actors: Awaited<ReturnType<typeof cast>>;
let paid: Awaited<ReturnType<typeof twoSellerOrder>>;
let unpaid: Awaited<ReturnType<typeof twoSellerOrder>>;

const ORDER = `query($id: ID!) { order(id: $id) { id status lines { sku seller { id } } fulfillments { seller { id } lines { seller { id } } }
  shippingAddress { city } payment { status clientSecret } events { sequence } } }`;

interface OrderView {
  lines: { seller: { id: string } }[];
  fulfillments: { seller: { id: string }; lines: { seller: { id: string } }[] }[];
  shippingAddress: { city: string } | null;
  payment: { status: string; clientSecret: string | null } | null;
  events: { sequence: number }[] | null;
}
const read = (who: Shopper | null, id: string) => h.gql<{ order: OrderView | null }>(ORDER, { id }, who?.headers ?? {});
const sellersOf = (items: { seller: { id: string } }[]) => [...new Set(items.map((i) => i.seller.id))].sort();
const codes = (errors: { extensions?: Record<string, unknown> }[] | undefined) => [
  ...new Set((errors ?? []).map((e) => e.extensions?.code)),
];

beforeAll(async () => {
  h = await startOrders();
  actors = await cast(h);
  paid = await twoSellerOrder(h);
  unpaid = await twoSellerOrder(h, { pay: false, customer: paid.customer });
});
afterAll(() => h?.stop());

describe("order(id)", () => {
  it("shows the customer everything, including the client secret to pay with", async () => {
    const res = await read(paid.customer, paid.orderId);
    expect(res.body.errors).toBeUndefined();
    const order = res.body.data?.order as OrderView;
    expect(sellersOf(order.lines)).toEqual(["sel_a", "sel_b"]);
    expect(order.fulfillments).toHaveLength(2);
    expect(order.payment?.clientSecret).toEqual(expect.any(String));
    expect(order.events?.length).toBeGreaterThan(1);
    expect(order.shippingAddress?.city).toBe("Berlin");
  });

  it("shows an admin everything but the client secret", async () => {
    const order = (await read(actors.admin, paid.orderId)).body.data?.order as OrderView;
    expect(sellersOf(order.lines)).toEqual(["sel_a", "sel_b"]);
    expect(order.payment).toMatchObject({ status: "SUCCEEDED", clientSecret: null });
  });

  it("shows a seller in the order only their own lines and fulfillment, where to ship, and no payment or timeline", async () => {
    const res = await read(actors.sellerA, paid.orderId);
    const order = res.body.data?.order as OrderView;
    expect(sellersOf(order.lines)).toEqual(["sel_a"]);
    expect(order.fulfillments.map((f) => [f.seller.id, sellersOf(f.lines)])).toEqual([["sel_a", ["sel_a"]]]);
    expect(order.shippingAddress?.city).toBe("Berlin");
    expect(order.payment).toBeNull();
    expect(order.events).toBeNull();
    expect(codes(res.body.errors)).toEqual(["FORBIDDEN"]);
  });

  it("hides an unpaid order from its sellers", async () => {
    const res = await read(actors.sellerA, unpaid.orderId);
    expect(res.body.data?.order).toBeNull();
    expect(codes(res.body.errors)).toEqual(["FORBIDDEN"]);
  });

  it("refuses other customers and sellers not in the order with FORBIDDEN, and anonymous callers with UNAUTHENTICATED", async () => {
    const outsider = await h.shopper({ roles: ["CUSTOMER", "SELLER"], sellerId: "sel_other" });
    for (const who of [actors.stranger, outsider]) {
      const res = await read(who, paid.orderId);
      expect(res.body.data?.order).toBeNull();
      expect(codes(res.body.errors)).toEqual(["FORBIDDEN"]);
    }
    expect(codes((await read(null, paid.orderId)).body.errors)).toEqual(["UNAUTHENTICATED"]);
  });

  it("is null for an unknown id", async () => {
    const res = await read(paid.customer, "ord_unknown");
    expect(res.body).toEqual({ data: { order: null } });
  });
});

describe("User.orders and Seller.orders", () => {
  const USER_ORDERS = `query($id: ID!, $after: String) { _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User { orders(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`;
  const SELLER_ORDERS = `query($id: ID!) { _entities(representations: [{ __typename: "Seller", id: $id }]) {
    ... on Seller { orders(first: 10) { totalCount edges { node { id lines { seller { id } } } } } } } }`;
  type Page = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { id: string } }[];
  };

  it("pages a customer's orders newest first, for the customer and admins only", async () => {
    const first = await h.gql<{ _entities: { orders: Page }[] }>(
      USER_ORDERS,
      { id: paid.customer.userId },
      paid.customer.headers,
    );
    const page = first.body.data?._entities[0]?.orders as Page;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e) => e.node.id)).toEqual([unpaid.orderId]);
    const second = await h.gql<{ _entities: { orders: Page }[] }>(
      USER_ORDERS,
      { id: paid.customer.userId, after: page.pageInfo.endCursor },
      actors.admin.headers,
    );
    expect(second.body.data?._entities[0]?.orders.edges.map((e) => e.node.id)).toEqual([paid.orderId]);
    const refused = await h.gql(USER_ORDERS, { id: paid.customer.userId }, actors.stranger.headers);
    expect(codes(refused.body.errors)).toEqual(["FORBIDDEN"]);
    const forged = await h.gql(
      USER_ORDERS,
      { id: paid.customer.userId, after: "bm90LWEtY3Vyc29y" },
      paid.customer.headers,
    );
    expect(codes(forged.body.errors)).toEqual(["BAD_USER_INPUT"]);
  });

  it("lists a seller's paid orders, each showing only that seller's lines; other sellers are refused", async () => {
    const res = await h.gql<{
      _entities: {
        orders: { totalCount: number; edges: { node: { id: string; lines: { seller: { id: string } }[] } }[] };
      }[];
    }>(SELLER_ORDERS, { id: "sel_a" }, actors.sellerA.headers);
    const orders = res.body.data?._entities[0]?.orders;
    expect(orders?.edges.map((e) => e.node.id)).toEqual([paid.orderId]);
    expect(orders?.edges[0]?.node.lines.map((l) => l.seller.id)).toEqual(["sel_a"]);
    expect(orders?.totalCount).toBe(1);
    expect(codes((await h.gql(SELLER_ORDERS, { id: "sel_a" }, actors.sellerB.headers)).body.errors)).toEqual([
      "FORBIDDEN",
    ]);
  });
});
