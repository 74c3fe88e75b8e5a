import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeSockets, activeSubscriptions } from "../src/subscriptions";
import { SEED, type SubscriptionStack, startSubscriptionStack } from "./subscription-stack";
import { acknowledgedSocket, eventually, rawSocket } from "@bazaar/testing";

let stack: SubscriptionStack;
const INIT_TIMEOUT_MS = 1_000;
const BUFFER_CAP = 64 * 1024;

beforeAll(async () => {
  stack = await startSubscriptionStack({
    // Short, so the 4408 test is quick; the code is what is asserted, not the time.
    subscriptions: { connectionInitTimeoutMs: INIT_TIMEOUT_MS, maxBufferedBytes: BUFFER_CAP },
    // 1,000 cycles from one address would otherwise spend the anonymous quota of a window.
    protection: { rateLimit: { enabled: false } },
  });
});

afterAll(async () => {
  await stack?.stop();
});

const subscribeMessage = (id: string, query = "subscription { productPriceChanged { amount } }") => ({
  id,
  type: "subscribe",
  payload: { query },
});

describe("graphql-ws protocol on the router", () => {
  it("closes with 4403 when connection_init carries an invalid token", async () => {
    const raw = await rawSocket(stack.wsUrl);
    raw.send({ type: "connection_init", payload: { authorization: "Bearer not.a.token" } });
    expect(await raw.closed).toEqual({ code: 4403, reason: "Forbidden: invalid or expired access token" });
    expect(raw.received).toEqual([]);
  });

  it("closes with 4403 for a token signed by someone else or malformed", async () => {
    const raw = await rawSocket(stack.wsUrl);
    raw.send({ type: "connection_init", payload: { authorization: "Basic dXNlcjpwYXNz" } });
    expect((await raw.closed).code).toBe(4403);
  });

  it("closes with 4408 when no connection_init arrives in time", async () => {
    const raw = await rawSocket(stack.wsUrl);
    expect(await raw.closed).toEqual({ code: 4408, reason: "Connection initialisation timeout" });
  });

  it("closes with 4401 on a subscribe before the connection is acknowledged", async () => {
    const raw = await rawSocket(stack.wsUrl);
    raw.send(subscribeMessage("1"));
    expect(await raw.closed).toEqual({ code: 4401, reason: "Unauthorized" });
  });

  it("closes with 4409 when a subscription id is reused while it runs", async () => {
    const raw = await acknowledgedSocket(stack.wsUrl);
    raw.send(subscribeMessage("same"));
    raw.send(subscribeMessage("same"));
    expect(await raw.closed).toEqual({ code: 4409, reason: "Subscriber for same already exists" });
  });

  it("closes with 1009 when a client message exceeds 64 KiB", async () => {
    const raw = await acknowledgedSocket(stack.wsUrl);
    const padding = "#".repeat(70 * 1024); // a comment: valid GraphQL, just too large
    raw.send(subscribeMessage("big", `subscription { productPriceChanged { amount } } ${padding}`));
    expect((await raw.closed).code).toBe(1009);
  });

  it("accepts a message just under the limit", async () => {
    const raw = await acknowledgedSocket(stack.wsUrl);
    raw.send(subscribeMessage("ok", `{ __typename } #${"x".repeat(60 * 1024)}`));
    const refusal = await raw.receive();
    expect(refusal).toMatchObject({ id: "ok", type: "error" });
    raw.socket.close();
  });

  it("closes with 1013 instead of buffering without bound for a client that does not read", async () => {
    const raw = await acknowledgedSocket(stack.wsUrl);
    raw.send(subscribeMessage("slow", `subscription($id: ID) { productPriceChanged(productId: $id) { note } }`));
    await eventually(() => stack.pricing.activeSubscriptions() >= 1, "the upstream subscription");
    // The client stops reading: the kernel buffers fill, then the router's send buffer grows.
    const tcp = (raw.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    const note = "n".repeat(64 * 1024);
    let published = 0;
    await eventually(async () => {
      for (let i = 0; i < 20; i += 1)
        stack.pricing.publish({ productId: SEED.product, sellerId: SEED.seller, amount: published++, note });
      return (await stack.metric("bazaar_router_websocket_slow_consumer_closes_total")) === 1 || published > 2_000;
    }, "the router to give up on the slow client");
    tcp.resume();
    expect((await raw.closed).code).toBe(1013);
    expect(raw.received.length).toBeLessThan(published);
    await eventually(() => stack.pricing.activeSubscriptions() === 0, "the upstream subscription to end");
  });

  it("returns every gauge to zero after 1,000 connect/subscribe/disconnect cycles", async () => {
    const lanes = 10;
    const cyclesPerLane = 100;
    const cycle = async (n: number) => {
      const raw = await acknowledgedSocket(stack.wsUrl);
      if (n % 2 === 0) {
        raw.send(subscribeMessage(`c${n}`));
      } else {
        // Refused by the owning subgraph: waiting for it proves the upstream round trip happened.
        raw.send(
          subscribeMessage(`c${n}`, `subscription { sellerPriceChanged(sellerId: "${SEED.seller}") { amount } }`),
        );
        expect(await raw.receive()).toMatchObject({
          type: "next",
          payload: { errors: [{ extensions: { code: "FORBIDDEN" } }] },
        });
      }
      raw.socket.close();
      await raw.closed;
    };
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let i = 0; i < cyclesPerLane; i += 1) await cycle(lane * cyclesPerLane + i);
      }),
    );
    await eventually(
      async () =>
        activeSubscriptions() === 0 &&
        activeSockets() === 0 &&
        stack.pricing.activeSubscriptions() === 0 &&
        (await stack.metric("bazaar_router_active_subscriptions")) === 0 &&
        (await stack.metric("bazaar_router_active_websockets")) === 0,
      "every gauge back at zero",
    );
    // A harness limit for ~6,000 socket handshakes on a small shared machine, not a performance target.
  }, 300_000);
});
