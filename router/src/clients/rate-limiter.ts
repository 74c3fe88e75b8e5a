export interface RateLimitDecision {
  allowed: boolean;
  /** Whole cost units left in the bucket after this decision. */
  remaining: number;
  /** When refused: how long until the bucket holds enough for this operation. */
  retryAfterMs: number;
}

/**
 * Where buckets live. The default keeps them in this process, which is exact for one router
 * instance; several instances behind a load balancer each grant the full quota, so such a
 * deployment needs a shared store — e.g. Redis running the same arithmetic in one Lua script per
 * `take` (atomic read-refill-subtract-write with a TTL of one window). Async so such a store fits.
 */
export interface RateLimitStore {
  take(bucket: string, cost: number, quota: number, windowMs: number, now: number): Promise<RateLimitDecision>;
}

interface Bucket {
  tokens: number;
  at: number;
  /** When the bucket will be full again; a full bucket carries no state and may be dropped. */
  fullAt: number;
}

/**
 * Token buckets in memory: a bucket holds up to `quota` cost units and refills continuously at
 * `quota` per window, so a client that spent everything is whole again one window later. An
 * operation needs min(cost, quota) units, so even an operation costing more than the quota can
 * run once a full window has passed. Bounded: past `maxBuckets`, full buckets are dropped, then
 * the least recently used.
 */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxBuckets = 100_000) {}

  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, cost: number, quota: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    const rate = quota / windowMs;
    const previous = this.buckets.get(key);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const available = previous ? Math.min(quota, previous.tokens + elapsed * rate) : quota;
    const needed = Math.min(Math.max(cost, 0), quota);
    const allowed = available >= needed;
    const tokens = allowed ? available - needed : available;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: now, fullAt: now + (quota - tokens) / rate });
    if (this.buckets.size > this.maxBuckets) this.evict(now);
    return {
      allowed,
      remaining: Math.floor(tokens),
      retryAfterMs: allowed ? 0 : Math.ceil((needed - available) / rate),
    };
  }

  private evict(now: number): void {
    const target = Math.floor(this.maxBuckets * 0.9);
    for (const [key, bucket] of this.buckets) {
      if (bucket.fullAt <= now) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}
