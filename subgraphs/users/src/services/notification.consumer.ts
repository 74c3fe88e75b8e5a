import { type Database, tables } from "@bazaar/drizzle";
import { type Bus, type Subscription, subscribeConsumer } from "@bazaar/events";
import { insertNotifications } from "../db/notification-write.queries";
import { NOTIFYING_EVENT_TYPES, plannedNotifications } from "./notification-messages";

export const NOTIFICATIONS_CONSUMER = "users.notifications";

/**
 * Turns order, store and stock events into notifications: a durable group (one delivery per event
 * across users' processes), each event applied in one transaction with its dedupe row, so a
 * redelivered event adds nothing. Every insert also writes `notification.added` to users' outbox.
 */
export function subscribeNotificationsConsumer(bus: Bus, db: Database): Promise<Subscription> {
  return subscribeConsumer({
    bus,
    db,
    table: tables.usersProcessedEvents,
    consumer: NOTIFICATIONS_CONSUMER,
    types: NOTIFYING_EVENT_TYPES,
    handle: async (event, tx) => {
      const planned = plannedNotifications(event);
      if (!planned) {
        // Recorded as processed all the same: delivering a malformed event again would not fix it.
        console.warn(
          JSON.stringify({
            level: "warn",
            msg: "event payload not understood",
            consumer: NOTIFICATIONS_CONSUMER,
            eventId: event.id,
            type: event.type,
          }),
        );
        return;
      }
      for (const { recipients, draft } of planned) await insertNotifications(tx, recipients, draft);
    },
  });
}
