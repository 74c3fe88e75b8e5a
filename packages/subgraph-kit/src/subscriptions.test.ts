import "reflect-metadata";
import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import type { RunningHttpServer } from "@bazaar/http";
import { createClient, type FormattedExecutionResult } from "graphql-ws";
import { Ctx, Field, Int, ObjectType, Query, Resolver, Root, Subscription } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { AuthContext } from "./authorization";
import { buildFederatedSchema } from "./federation";
import { createSubgraphServer } from "./server";
import { createPubSub, SubscriptionParam } from "./subscriptions";

@ObjectType()
class Tick {
  @Field(() => Int)
  n!: number;

  /** Which context resolved this event: a new one per event, never one shared by the subscription. */
  @Field(() => Int)
  contextId!: number;

  @Field(() => String, { nullable: true })
  viewer!: string | null;
}

interface TickContext extends AuthContext {
  id: number;
}

const pubSub = createPubSub<{ TICK: [number] }>();

@Resolver(() => Tick)
class TickResolver {
  @Query(() => Int)
  ticks(): number {
    return 0;
  }

  @Subscription(() => Tick, { topics: "TICK" })
  ticked(@Root() n: number, @Ctx() ctx: TickContext): Tick {
    return { n, contextId: ctx.id, viewer: ctx.viewer?.userId ?? null };
  }
}

const SERVICE_TOKEN = "kit-subscription-test-service-token-000";
const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
let running: RunningHttpServer;
let url: string;
let contexts = 0;

beforeAll(async () => {
  const schema = await buildFederatedSchema({ resolvers: [TickResolver], entities: [], pubSub });
  const server = createSubgraphServer<TickContext>({
    name: "ticks",
    schema,
    verifyToken: localVerifier(ring),
    serviceToken: SERVICE_TOKEN,
    subscriptions: true,
    context: (_req, _requestId, viewer) => ({ id: ++contexts, viewer }),
  });
  running = await server.listen(0);
  url = `${running.url.replace(/^http/, "ws")}/graphql`;
});

afterAll(async () => {
  await running?.stop();
});

const client = (params: Record<string, unknown>) =>
  createClient({ url, webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: true });

describe("graphql-ws on a subgraph", () => {
  it("runs every event with a fresh context carrying the connection's verified viewer", async () => {
    const { token } = await signAccessToken(ring, defaultVerifierConfig(), {
      userId: "usr_1",
      roles: ["CUSTOMER"],
      sellerId: null,
    });
    const ws = client({
      [SubscriptionParam.serviceToken]: SERVICE_TOKEN,
      [SubscriptionParam.authorization]: `Bearer ${token}`,
    });
    const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
    const received = new Promise<void>((resolve, reject) => {
      const dispose = ws.subscribe(
        { query: "subscription { ticked { n contextId viewer } }" },
        {
          next: (result) => {
            results.push(result);
            if (results.length === 2) {
              dispose();
              resolve();
            }
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    // Publish until the subscription is registered, then once more for a second event.
    const publisher = setInterval(() => pubSub.publish("TICK", results.length + 1), 20);
    await received;
    clearInterval(publisher);
    await ws.dispose();
    const [first, second] = results.map((r) => r.data?.ticked as { contextId: number; viewer: string });
    expect(first?.viewer).toBe("usr_1");
    expect(second?.viewer).toBe("usr_1");
    expect(second?.contextId).not.toBe(first?.contextId);
  });

  it("closes with 4403 when the service token is missing or wrong", async () => {
    const socket = new WebSocket(url, "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: { [SubscriptionParam.serviceToken]: "wrong" } }));
    const [code, reason] = await new Promise<[number, string]>((resolve) =>
      socket.once("close", (c, r) => resolve([c, r.toString()])),
    );
    expect([code, reason]).toEqual([4403, "Forbidden: only Bazaar services may call a subgraph"]);
  });

  it("closes with 4403 when the forwarded bearer token does not verify", async () => {
    const socket = new WebSocket(url, "graphql-transport-ws");
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(
      JSON.stringify({
        type: "connection_init",
        payload: { [SubscriptionParam.serviceToken]: SERVICE_TOKEN, authorization: "Bearer forged.token.value" },
      }),
    );
    const code = await new Promise<number>((resolve) => socket.once("close", (c) => resolve(c)));
    expect(code).toBe(4403);
  });
});
