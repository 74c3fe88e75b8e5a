import { KeyedListeners } from "@bazaar/subgraph-kit";
import type { NotificationRow } from "../db/notification.queries";

export type NotificationListener = (notification: NotificationRow) => void;

/**
 * This process's `notificationAdded` subscribers by user id (see KeyedListeners). One bus listener
 * feeds it (see notification-feed.ts).
 */
export class NotificationRegistry extends KeyedListeners<NotificationRow> {
  /** Hands a notification to every listener of its owner and returns how many there were. */
  deliver(notification: NotificationRow): number {
    return this.notify(notification.userId, notification);
  }
}
