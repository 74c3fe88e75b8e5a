import type { OrderEvent } from "../schema/order-event.type";
import type { OrderDelivery, OrderFeed } from "./order-feed";

export interface OrderUpdateStreamOptions {
  feed: OrderFeed;
  orderId: string;
  /** The order's timeline entries after `sequence`, oldest first, at most `limit`. */
  readAfter: (sequence: number, limit: number) => Promise<OrderDelivery[]>;
  /** Timeline entries read per statement; default 100. */
  pageSize?: number;
  /** Live entries held for a slow subscriber; past this they are dropped and re-read from the timeline. Default 1000. */
  maxQueued?: number;
}

export interface StreamStart {
  /** The last sequence the subscriber has: delivery starts after it. */
  after: number;
  /** Read the timeline after `after` first (a resuming client); otherwise only live entries follow. */
  replay: boolean;
  /** Entries this subscriber may receive; skipped entries still count as delivered. */
  keep?: (entry: OrderEvent) => boolean;
}

const DONE = { value: undefined, done: true } as const;

/**
 * One subscriber's `orderUpdated` stream: every timeline entry after a starting sequence, exactly
 * once and in sequence order. It listens to the feed from construction (before anything is read),
 * remembers the last sequence delivered, drops live entries at or below it (bus redeliveries,
 * entries a replay already gave) and, when a live entry skips ahead (relays publish concurrently,
 * or the entry was published before this stream listened), reads the missing ones from the
 * timeline first.
 */
export class OrderUpdateStream implements AsyncIterableIterator<OrderDelivery, undefined> {
  private readonly unlisten: () => void;
  private readonly pageSize: number;
  private readonly maxQueued: number;
  private keep: (entry: OrderEvent) => boolean = () => true;
  private live: OrderDelivery[] = [];
  private read: OrderDelivery[] = [];
  private last = 0;
  /** The timeline may hold entries after `last` that neither queue has. */
  private behind = false;
  /** The live sequence a gap was last read for: read once, then delivered regardless. */
  private gapReadFor: number | undefined;
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(private readonly options: OrderUpdateStreamOptions) {
    this.pageSize = options.pageSize ?? 100;
    this.maxQueued = options.maxQueued ?? 1000;
    this.unlisten = options.feed.listen(options.orderId, (delivery) => this.enqueue(delivery));
  }

  /** Sets where delivery starts; entries that arrived since construction wait until then. */
  start({ after, replay, keep }: StreamStart): this {
    this.last = after;
    this.behind ||= replay;
    if (keep) this.keep = keep;
    return this;
  }

  async next(): Promise<IteratorResult<OrderDelivery, undefined>> {
    try {
      for (;;) {
        if (this.closed) return DONE;
        const fromTimeline = this.read.shift();
        if (fromTimeline) {
          if (this.accept(fromTimeline)) return { value: fromTimeline, done: false };
          continue;
        }
        if (this.behind) {
          await this.catchUp();
          continue;
        }
        const live = this.live[0];
        if (!live) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          continue;
        }
        const sequence = live.entry.sequence;
        if (sequence > this.last + 1 && this.gapReadFor !== sequence) {
          this.gapReadFor = sequence;
          this.behind = true;
          continue;
        }
        this.live.shift();
        if (this.accept(live)) return { value: live, done: false };
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<OrderDelivery, undefined>> {
    this.close();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<OrderDelivery, undefined>> {
    this.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private enqueue(delivery: OrderDelivery): void {
    if (this.live.length >= this.maxQueued) {
      // Everything queued is in the timeline too: forget it and read it back when the subscriber catches up.
      this.live = [];
      this.behind = true;
    } else {
      this.live.push(delivery);
    }
    this.signal();
  }

  /** Whether `delivery` goes out: new (after `last`) and for this subscriber; either way it becomes the last seen. */
  private accept(delivery: OrderDelivery): boolean {
    if (delivery.entry.sequence <= this.last) return false;
    this.last = delivery.entry.sequence;
    return this.keep(delivery.entry);
  }

  private async catchUp(): Promise<void> {
    // Cleared first: an overflow during the read sets it again and is not lost.
    this.behind = false;
    const page = await this.options.readAfter(this.last, this.pageSize);
    if (this.closed) return;
    this.read.push(...page);
    if (page.length === this.pageSize) this.behind = true;
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.live = [];
    this.read = [];
    this.signal();
  }
}
