import type { Database } from "@bazaar/drizzle";
import type { Bus, Subscription } from "@bazaar/events";
import { findNotificationsByIds } from "./db/notification.queries";
import { subscribeNotificationsConsumer } from "./services/notification.consumer";
import { attachNotificationFeed } from "./services/notification-feed";
import type { NotificationRegistry } from "./services/notification-registry";
import { subscribeSellerAccountsConsumer } from "./services/seller-account.consumer";

/**
 * Everything users takes from the bus: two durable consumers (notifications, seller accounts) and
 * this process's fan-out to notificationAdded subscribers. Returns the function that unsubscribes
 * them all; a failure half-way unsubscribes what was subscribed.
 */
export async function subscribeToEvents(
  bus: Bus,
  db: Database,
  registry: NotificationRegistry,
): Promise<() => Promise<void>> {
  const subscriptions: Subscription[] = [];
  const unsubscribe = async () => {
    const all = subscriptions.splice(0);
    await Promise.all(all.map((subscription) => subscription.unsubscribe()));
  };
  try {
    subscriptions.push(await subscribeNotificationsConsumer(bus, db));
    subscriptions.push(await subscribeSellerAccountsConsumer(bus, db));
    subscriptions.push(
      await attachNotificationFeed(bus, registry, async (id) => (await findNotificationsByIds(db, [id]))[0]),
    );
  } catch (error) {
    await unsubscribe();
    throw error;
  }
  return unsubscribe;
}
