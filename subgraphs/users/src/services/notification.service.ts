import {
  type Connection,
  forbidden,
  isIdLike,
  pageSize,
  path,
  requireViewer,
  toConnection,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import {
  findOwnedNotification,
  markNotificationsRead,
  markNotificationRead as markRead,
  type NotificationRow,
} from "../db/notification.queries";
import type { Notification } from "../schema/notification.type";
import { decodeCreatedAtCursor } from "./created-at-cursor";
import type { NotificationKind } from "./notification-kind";

export const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/**
 * A user's inbox is theirs alone, admins included: nobody else has a use for it, and marking
 * read is something only its owner does.
 */
function assertInboxOwner(ctx: UsersContext, userId: string): void {
  if (requireViewer(ctx).userId !== userId) throw forbidden();
}

/** Newest first; `unreadOnly` leaves out what was read. Batched across users by a paged loader. */
export async function userNotifications(
  ctx: UsersContext,
  userId: string,
  page: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
): Promise<Connection<Notification>> {
  assertInboxOwner(ctx, userId);
  const first = pageSize(page);
  const unreadOnly = page.unreadOnly === true;
  const after = page.after ? decodeCreatedAtCursor(page.after) : null;
  const rows = await ctx.loaders.notificationPages.load({
    parentId: userId,
    limit: first + 1,
    after: { unreadOnly, after },
  });
  return toConnection(rows, {
    first,
    after: page.after,
    cursorOf: (row) => [row.createdAtKey, row.id],
    toNode: toNotification,
    totalCount: async () => {
      const counts = await ctx.loaders.notificationCountsByUserId.load(userId);
      return (unreadOnly ? counts?.unread : counts?.total) ?? 0;
    },
  });
}

export async function unreadNotificationCount(ctx: UsersContext, userId: string): Promise<number> {
  assertInboxOwner(ctx, userId);
  return (await ctx.loaders.notificationCountsByUserId.load(userId))?.unread ?? 0;
}

const notificationNotFound = (field: string) =>
  userError("NOTIFICATION_NOT_FOUND", "No such notification in your inbox", path(field));

/** Later fields of the same request (the payload's notification, `me { unreadNotificationCount }`) see the change. */
function forgetCounts(ctx: UsersContext, userId: string): void {
  ctx.loaders.notificationPages.clearAll();
  ctx.loaders.notificationCountsByUserId.clear(userId);
}

/** Idempotent: a notification already read keeps its first readAt. Another user's is NOTIFICATION_NOT_FOUND. */
export async function markNotificationRead(
  ctx: UsersContext,
  input: { notificationId: string },
): Promise<{ notification: Notification | null; userErrors: UserError[] }> {
  const { userId } = requireViewer(ctx);
  const row = isIdLike(input.notificationId) ? await markRead(ctx.db, userId, input.notificationId) : undefined;
  if (!row) return { notification: null, userErrors: [notificationNotFound("notificationId")] };
  forgetCounts(ctx, userId);
  return { notification: toNotification(row), userErrors: [] };
}

/** Marks the viewer's unread notifications read: all, or those up to one the client has shown. */
export async function markAllNotificationsRead(
  ctx: UsersContext,
  input: { upToNotificationId?: string | null },
): Promise<{ markedCount: number; userErrors: UserError[] }> {
  const { userId } = requireViewer(ctx);
  const upTo = input.upToNotificationId ?? null;
  if (upTo !== null && !(isIdLike(upTo) && (await findOwnedNotification(ctx.db, userId, upTo)))) {
    return { markedCount: 0, userErrors: [notificationNotFound("upToNotificationId")] };
  }
  const markedCount = await markNotificationsRead(ctx.db, userId, upTo);
  forgetCounts(ctx, userId);
  return { markedCount, userErrors: [] };
}
