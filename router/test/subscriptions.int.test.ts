import type { Client } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SEED, type SubscriptionStack, startSubscriptionStack } from "./subscription-stack";
import { acknowledgedSocket, eventually, subscribe, wsClient } from "@bazaar/testing";

let stack: SubscriptionStack;
const clients: Client[] = [];

beforeAll(async () => {
  stack = await startSubscriptionStack({ protection: { limits: { maxDepth: 6 } } });
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
  await eventually(() => stack.pricing.activeSubscriptions() === 0, "the stand-in to lose its subscriptions");
});

afterAll(async () => {
  await stack?.stop();
});

const connect = (params?: Record<string, unknown>) => {
  const client = wsClient(stack.wsUrl, params);
  clients.push(client);
  return client;
};

/** Resolves once the owning subgraph holds `count` subscriptions, so a published event is not missed. */
const subscribedUpstream = (count: number) =>
  eventually(() => stack.pricing.activeSubscriptions() >= count, `${count} upstream subscriptions`);

const PRICE_CHANGED = `subscription Price($id: ID) {
  productPriceChanged(productId: $id) { amount seenBy product { id title seller { name } } }
}`;

const publish = (amount: number, productId: string = SEED.product) =>
  stack.pricing.publish({ productId, sellerId: SEED.seller, amount });

describe("federated subscriptions through the router", () => {
  it("delivers every event with the fields of the subgraphs that own them, in order", async () => {
    const token = await stack.token();
    const events = subscribe(connect({ authorization: `Bearer ${token}` }), PRICE_CHANGED, { id: SEED.product });
    await subscribedUpstream(1);

    publish(999, "prd_other"); // filtered out by the owning subgraph
    publish(1299);
    publish(1199);

    const expected = (amount: number) => ({
      data: {
        productPriceChanged: {
          amount,
          seenBy: "usr_subs_viewer",
          product: { id: SEED.product, title: SEED.title, seller: { name: SEED.sellerName } },
        },
      },
    });
    expect(await events.next()).toEqual(expected(1299));
    expect(await events.next()).toEqual(expected(1199));
  });

  it("accepts the token under `Authorization` too, and forwards it so the subgraph sees the viewer", async () => {
    const token = await stack.token({ userId: "usr_capital" });
    const events = subscribe(
      connect({ Authorization: `Bearer ${token}` }),
      "subscription { productPriceChanged { seenBy } }",
    );
    await subscribedUpstream(1);
    publish(1);
    expect(await events.next()).toEqual({ data: { productPriceChanged: { seenBy: "usr_capital" } } });
  });

  it("serves anonymous connections, leaving authorization to the owning subgraph", async () => {
    const events = subscribe(connect(), "subscription { productPriceChanged { amount seenBy product { title } } }");
    await subscribedUpstream(1);
    publish(5);
    expect(await events.next()).toEqual({
      data: { productPriceChanged: { amount: 5, seenBy: null, product: { title: SEED.title } } },
    });
  });

  it("passes the owning subgraph's refusal to the client as its error, with no data", async () => {
    const customer = await stack.token({ sellerId: null });
    const refused = subscribe(
      connect({ authorization: `Bearer ${customer}` }),
      "subscription($s: ID!) { sellerPriceChanged(sellerId: $s) { amount } }",
      { s: SEED.seller },
    );
    const result = await refused.next();
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(await refused.ended).toEqual({});

    const seller = await stack.token({ userId: "usr_subs_owner", roles: ["SELLER"], sellerId: SEED.seller });
    const allowed = subscribe(
      connect({ authorization: `Bearer ${seller}` }),
      "subscription($s: ID!) { sellerPriceChanged(sellerId: $s) { amount product { title } } }",
      { s: SEED.seller },
    );
    await subscribedUpstream(1);
    publish(42);
    expect(await allowed.next()).toEqual({
      data: { sellerPriceChanged: { amount: 42, product: { title: SEED.title } } },
    });
  });

  it("enforces @authenticated on a subscription field before any subgraph is asked", async () => {
    const anonymous = await subscribe(connect(), "subscription { watchedPriceChanged { amount } }").ended;
    expect(anonymous.error).toEqual([
      expect.objectContaining({ path: ["watchedPriceChanged"], extensions: { code: "UNAUTHENTICATED" } }),
    ]);
    expect(stack.pricing.activeSubscriptions()).toBe(0);

    const token = await stack.token();
    const events = subscribe(
      connect({ authorization: `Bearer ${token}` }),
      "subscription { watchedPriceChanged { amount } }",
    );
    await subscribedUpstream(1);
    publish(3);
    expect(await events.next()).toEqual({ data: { watchedPriceChanged: { amount: 3 } } });
  });

  it("applies HTTP's operation limits to subscription documents", async () => {
    const deep = `subscription { productPriceChanged { product { seller { products(first: 1) { edges { node { title } } } } } } }`;
    const result = await subscribe(connect(), deep).ended;
    expect(result.error).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "MAX_DEPTH_EXCEEDED" }) }),
    ]);
  });

  it("refuses invalid documents and operations other than subscriptions", async () => {
    const client = connect();
    const invalid = await subscribe(client, "subscription { productPriceChanged { nope } }").ended;
    expect(invalid.error).toEqual([expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
    const query = await subscribe(client, "{ __typename }").ended;
    expect(query.error).toEqual([expect.objectContaining({ extensions: { code: "OPERATION_NOT_SUPPORTED" } })]);
  });

  it("refuses the 21st subscription on one socket while the first 20 keep receiving", async () => {
    const client = connect();
    const twenty = Array.from({ length: 20 }, () =>
      subscribe(client, "subscription { productPriceChanged { amount } }"),
    );
    await subscribedUpstream(20);
    const extra = await subscribe(client, "subscription { productPriceChanged { amount } }").ended;
    expect(extra.error).toEqual([
      expect.objectContaining({ extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: 20 } }),
    ]);
    publish(7);
    for (const events of twenty) expect(await events.next()).toEqual({ data: { productPriceChanged: { amount: 7 } } });
  });

  it("closes the socket with 4403 when the access token expires, so the client reconnects with a fresh one", async () => {
    const token = await stack.token({}, 1);
    const raw = await acknowledgedSocket(stack.wsUrl, { authorization: `Bearer ${token}` });
    raw.send({ id: "1", type: "subscribe", payload: { query: "subscription { productPriceChanged { amount } }" } });
    await subscribedUpstream(1);
    expect(await raw.closed).toEqual({ code: 4403, reason: "Forbidden: access token expired" });
  });
});
