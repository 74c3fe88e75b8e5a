import cluster, { type Worker } from "node:cluster";
import { InMemoryRateLimitStore, type RateLimitDecision, type RateLimitStore } from "../clients/rate-limiter";
import { RATE_LIMIT_REQUEST, RATE_LIMIT_RESPONSE, type RateLimitMessage } from "./messages";

/** A primary that does not answer within this is treated as absent for that request. */
const DEFAULT_TIMEOUT_MS = 1_000;

export interface IpcChannel {
  send(message: RateLimitMessage): void;
  onMessage(listener: (message: RateLimitMessage) => void): void;
}

/** This worker's IPC channel to the cluster primary. */
export const workerChannel = (): IpcChannel => ({
  send: (message) => process.send?.(message),
  onMessage: (listener) => process.on("message", listener),
});

/**
 * Rate limits of a router cluster: the workers share one port, so a client's requests land on any
 * of them, and buckets kept per worker would grant the quota once per core. Each `take` asks the
 * primary, which holds every bucket (`serveClusterRateLimits`). If the primary does not answer in
 * time the request is allowed: rate limiting protects capacity, and refusing every request because
 * the bookkeeping is unreachable would be the outage it exists to prevent.
 */
export class ClusterRateLimitStore implements RateLimitStore {
  private readonly pending = new Map<number, (decision: RateLimitDecision) => void>();
  private nextId = 0;

  constructor(
    private readonly channel: IpcChannel = workerChannel(),
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    channel.onMessage((message) => {
      if (message?.type === RATE_LIMIT_RESPONSE) this.pending.get(message.id)?.(message.decision);
    });
  }

  take(bucket: string, cost: number, quota: number, windowMs: number): Promise<RateLimitDecision> {
    return new Promise((resolve) => {
      const id = ++this.nextId;
      const timer = setTimeout(() => settle({ allowed: true, remaining: 0, retryAfterMs: 0 }), this.timeoutMs);
      const settle = (decision: RateLimitDecision) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(decision);
      };
      this.pending.set(id, settle);
      this.channel.send({ type: RATE_LIMIT_REQUEST, id, bucket, cost, quota, windowMs });
    });
  }
}

/** The primary's side: one in-memory store for the whole cluster, on the primary's clock. */
export function answerRateLimitRequest(
  store: RateLimitStore,
  message: RateLimitMessage,
  reply: (message: RateLimitMessage) => void,
): void {
  if (message?.type !== RATE_LIMIT_REQUEST) return;
  void store.take(message.bucket, message.cost, message.quota, message.windowMs, Date.now()).then((decision) =>
    reply({ type: RATE_LIMIT_RESPONSE, id: message.id, decision }),
  );
}

export function serveClusterRateLimits(store: RateLimitStore = new InMemoryRateLimitStore()): void {
  cluster.on("message", (worker: Worker, message: RateLimitMessage) =>
    answerRateLimitRequest(store, message, (reply) => worker.send(reply)),
  );
}
