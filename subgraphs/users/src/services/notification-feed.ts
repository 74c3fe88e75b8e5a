import type { Bus, Subscription } from "@bazaar/events";
import type { NotificationRow } from "../db/notification.queries";
import { notificationAddedPayload, parsePayload } from "./event-payloads";
import type { NotificationRegistry } from "./notification-registry";

export const NOTIFICATION_ADDED = "notification.added";

/**
 * The one per-process bus listener (no group: every process fans out to its own sockets) behind
 * `notificationAdded`. For a user somebody here is subscribed for, the notification is read once
 * per event and handed to each of that user's subscribers; other users' events cost no query.
 */
export function attachNotificationFeed(
  bus: Bus,
  registry: NotificationRegistry,
  load: (notificationId: string) => Promise<NotificationRow | undefined>,
): Promise<Subscription> {
  return registry.feedFrom(bus, NOTIFICATION_ADDED, (event) => {
    const added = parsePayload(notificationAddedPayload, event.payload);
    if (!added) return undefined;
    return {
      key: added.userId,
      value: async () => {
        const notification = await load(added.notificationId);
        // The row decides whose it is, not the event's claim.
        return notification?.userId === added.userId ? notification : undefined;
      },
    };
  });
}
