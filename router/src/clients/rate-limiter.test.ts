import { describe, expect, it } from "vitest";
import { InMemoryRateLimitStore } from "./rate-limiter";

const WINDOW = 60_000;

describe("in-memory token buckets", () => {
  it("grants cost units up to the quota within a window, then refuses with the wait", async () => {
    const store = new InMemoryRateLimitStore();
    expect(await store.take("c", 60, 100, WINDOW, 0)).toEqual({ allowed: true, remaining: 40, retryAfterMs: 0 });
    expect(await store.take("c", 40, 100, WINDOW, 0)).toMatchObject({ allowed: true, remaining: 0 });
    // 100 units per 60 s refill one unit every 600 ms; 30 units take 18 s.
    expect(await store.take("c", 30, 100, WINDOW, 0)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 18_000 });
  });

  it("does not charge a refused operation", async () => {
    const store = new InMemoryRateLimitStore();
    await store.take("c", 100, 100, WINDOW, 0);
    await store.take("c", 50, 100, WINDOW, 1_000);
    expect(await store.take("c", 1, 100, WINDOW, 1_000)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("is whole again one window after it was emptied", async () => {
    const store = new InMemoryRateLimitStore();
    await store.take("c", 100, 100, WINDOW, 5_000);
    expect((await store.take("c", 100, 100, WINDOW, 5_000 + WINDOW - 1)).allowed).toBe(false);
    expect((await store.take("c", 100, 100, WINDOW, 5_000 + WINDOW)).allowed).toBe(true);
  });

  it("lets an operation costing more than the quota run on a full bucket", async () => {
    const store = new InMemoryRateLimitStore();
    expect((await store.take("c", 500, 100, WINDOW, 0)).allowed).toBe(true);
    expect((await store.take("c", 500, 100, WINDOW, 1)).retryAfterMs).toBe(WINDOW - 1);
  });

  it("keeps clients apart", async () => {
    const store = new InMemoryRateLimitStore();
    await store.take("a", 100, 100, WINDOW, 0);
    expect((await store.take("b", 100, 100, WINDOW, 0)).allowed).toBe(true);
  });

  it("tolerates a clock that steps back", async () => {
    const store = new InMemoryRateLimitStore();
    await store.take("c", 100, 100, WINDOW, 10_000);
    expect(await store.take("c", 1, 100, WINDOW, 0)).toMatchObject({ allowed: false });
  });

  it("stays bounded, dropping full buckets first, then the least recently used", async () => {
    const store = new InMemoryRateLimitStore(10);
    await store.take("busy", 100, 100, WINDOW, 0);
    for (let i = 0; i < 50; i += 1) await store.take(`ip:${i}`, 1, 100, 1, i);
    expect(store.size).toBeLessThanOrEqual(10);
  });
});
