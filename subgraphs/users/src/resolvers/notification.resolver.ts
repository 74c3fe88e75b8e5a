import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver, Root, Subscription } from "type-graphql";
import type { UsersContext } from "../context";
import type { NotificationRow } from "../db/notification.queries";
import { MarkAllNotificationsReadInput, MarkNotificationReadInput } from "../schema/notification.input";
import { MarkAllNotificationsReadPayload, MarkNotificationReadPayload } from "../schema/notification.payload";
import { Notification } from "../schema/notification.type";
import { markAllNotificationsRead, markNotificationRead } from "../services/notification.service";
import { deliveredNotification, openNotificationStream } from "../services/notification-subscription.service";

/** The signed-in user's own inbox; there is no way to name another user's. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Authenticated()
  @Mutation(() => MarkNotificationReadPayload)
  markNotificationRead(
    @Arg("input", () => MarkNotificationReadInput) input: MarkNotificationReadInput,
    @Ctx() ctx: UsersContext,
  ) {
    return markNotificationRead(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MarkAllNotificationsReadPayload)
  markAllNotificationsRead(
    @Arg("input", () => MarkAllNotificationsReadInput) input: MarkAllNotificationsReadInput,
    @Ctx() ctx: UsersContext,
  ) {
    return markAllNotificationsRead(ctx, input);
  }

  @Authenticated()
  @Subscription(() => Notification, {
    description: "The signed-in user's new notifications, from the moment of subscribing.",
    // Runs once per subscription, before any event: an anonymous caller gets UNAUTHENTICATED and no data.
    subscribe: ({ context }) => openNotificationStream(context as UsersContext),
  })
  notificationAdded(@Root() row: NotificationRow): Notification {
    return deliveredNotification(row);
  }
}
