import { describe, expect, it } from "vitest";
import { InMemoryRateLimitStore } from "../clients/rate-limiter";
import type { RateLimitMessage } from "./messages";
import { answerRateLimitRequest, ClusterRateLimitStore, type IpcChannel } from "./rate-limit";

/** Worker-side channels wired to one primary-side store, as cluster IPC would (asynchronously). */
function clusterOf(workers: number, primary: InMemoryRateLimitStore | null) {
  return Array.from({ length: workers }, () => {
    const listeners: ((message: RateLimitMessage) => void)[] = [];
    const channel: IpcChannel = {
      send: (message) => {
        if (!primary) return;
        setImmediate(() =>
          answerRateLimitRequest(primary, message, (reply) => {
            for (const listener of listeners) listener(reply);
          }),
        );
      },
      onMessage: (listener) => listeners.push(listener),
    };
    return new ClusterRateLimitStore(channel, 50);
  });
}

describe("rate limits in a router cluster", () => {
  it("grants a client's quota once per cluster, whichever worker serves each request", async () => {
    const [a, b] = clusterOf(2, new InMemoryRateLimitStore());
    const first = await a?.take("user:1", 60, 100, 60_000);
    const second = await b?.take("user:1", 60, 100, 60_000);
    expect(first).toMatchObject({ allowed: true, remaining: 40 });
    expect(second).toMatchObject({ allowed: false, remaining: 40 });
    expect(second?.retryAfterMs).toBeGreaterThan(0);
  });

  it("keeps clients apart", async () => {
    const [a, b] = clusterOf(2, new InMemoryRateLimitStore());
    expect((await a?.take("user:1", 100, 100, 60_000))?.allowed).toBe(true);
    expect((await b?.take("user:2", 100, 100, 60_000))?.allowed).toBe(true);
  });

  it("allows the request when the primary does not answer, instead of refusing everyone", async () => {
    const [lonely] = clusterOf(1, null);
    expect(await lonely?.take("user:1", 500, 100, 60_000)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });
});
