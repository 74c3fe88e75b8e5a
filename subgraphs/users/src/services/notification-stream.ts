import type { NotificationRow } from "../db/notification.queries";
import type { NotificationRegistry } from "./notification-registry";

const DONE = { value: undefined, done: true } as const;

export interface NotificationStreamOptions {
  /** Notifications held for a slow subscriber; past this the oldest are dropped (the inbox still has them). Default 100. */
  maxQueued?: number;
  /** Recently delivered ids remembered to drop the bus' redeliveries. Default 256. */
  rememberIds?: number;
}

/**
 * One subscriber's `notificationAdded` stream: the user's new notifications from the moment it was
 * opened, each once. It registers with the registry at construction and unregisters when the
 * subscriber leaves (`return()`), even while a `next()` is waiting.
 */
export class NotificationStream implements AsyncIterableIterator<NotificationRow, undefined> {
  private readonly unlisten: () => void;
  private readonly maxQueued: number;
  private readonly rememberIds: number;
  private queue: NotificationRow[] = [];
  private readonly seen = new Set<string>();
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(registry: NotificationRegistry, userId: string, options: NotificationStreamOptions = {}) {
    this.maxQueued = options.maxQueued ?? 100;
    this.rememberIds = options.rememberIds ?? 256;
    this.unlisten = registry.listen(userId, (notification) => this.enqueue(notification));
  }

  async next(): Promise<IteratorResult<NotificationRow, undefined>> {
    for (;;) {
      if (this.closed) return DONE;
      const notification = this.queue.shift();
      if (notification) return { value: notification, done: false };
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<NotificationRow, undefined>> {
    this.close();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<NotificationRow, undefined>> {
    this.close();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private enqueue(notification: NotificationRow): void {
    if (this.closed || this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    // A Set iterates in insertion order: the first entry is the oldest id.
    if (this.seen.size > this.rememberIds) this.seen.delete(this.seen.values().next().value as string);
    this.queue.push(notification);
    if (this.queue.length > this.maxQueued) this.queue.shift();
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unlisten();
    this.queue = [];
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
