import { requireViewer } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import type { NotificationRow } from "../db/notification.queries";
import type { Notification } from "../schema/notification.type";
import { toNotification } from "./notification.service";
import { NotificationStream } from "./notification-stream";

/**
 * `notificationAdded`: the viewer's own new notifications. Anonymous callers are refused with
 * UNAUTHENTICATED here, when they subscribe, before anything could be delivered; the stream is
 * keyed by the viewer's id, so nobody can ask for another user's.
 */
export function openNotificationStream(ctx: UsersContext): NotificationStream {
  const { userId } = requireViewer(ctx);
  return new NotificationStream(ctx.notificationRegistry, userId);
}

/** The row was read once for every subscriber of this process (see notification-feed.ts). */
export const deliveredNotification = (row: NotificationRow): Notification => toNotification(row);
