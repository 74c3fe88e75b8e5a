import type { NotificationRow } from "../db/notification.queries";

export type NotificationListener = (notification: NotificationRow) => void;

/**
 * This process's `notificationAdded` subscribers by user id. One bus listener feeds it (see
 * notification-feed.ts), and a notification costs O(subscribers of its user), however many other
 * users are connected. Listeners must be quick (they queue); the work happens when their
 * subscriber pulls.
 */
export class NotificationRegistry {
  private readonly byUser = new Map<string, Set<NotificationListener>>();
  private listeners = 0;

  /** Listeners registered right now, over all users. */
  get size(): number {
    return this.listeners;
  }

  /** Whether anyone in this process listens for `userId`: the feed loads nothing for users nobody watches. */
  isListening(userId: string): boolean {
    return this.byUser.has(userId);
  }

  /** Registers `listener` for `userId`'s new notifications; the returned function removes it (idempotent). */
  listen(userId: string, listener: NotificationListener): () => void {
    let set = this.byUser.get(userId);
    if (!set) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(listener);
    this.listeners += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      const current = this.byUser.get(userId);
      if (!current?.delete(listener)) return;
      this.listeners -= 1;
      if (current.size === 0) this.byUser.delete(userId);
    };
  }

  /** Hands a notification to every listener of its owner and returns how many there were. */
  deliver(notification: NotificationRow): number {
    const listeners = this.byUser.get(notification.userId);
    if (!listeners) return 0;
    // A copy: a listener may unsubscribe (itself or another) while this loop runs.
    for (const listener of [...listeners]) listener(notification);
    return listeners.size;
  }
}
