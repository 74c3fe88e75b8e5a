import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";

const { notifications } = tables;

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationPageRow extends NotificationRow {
  /** created_at in Postgres' text form: microsecond-exact, so a cursor compares exactly. */
  createdAtKey: string;
}

/** Cursor of the newest-first order: (created_at, id), both descending; id breaks ties. */
export type NotificationCursor = readonly [createdAtKey: string, id: string];

/** What a page asks for besides its size; part of the paged loader's key, so equal requests share a statement. */
export interface NotificationPageFilter {
  unreadOnly: boolean;
  after: NotificationCursor | null;
}

/**
 * The first `limit` notifications of each user after the cursor, newest first, for many users in
 * one statement (a window partitioned by user).
 */
export async function listNotificationPages(
  db: Database,
  userIds: readonly string[],
  limit: number,
  filter: NotificationPageFilter | null,
): Promise<NotificationPageRow[]> {
  const after = filter?.after;
  const ranked = db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      createdAtKey: sql<string>`${notifications.createdAt}::text`.as("created_at_key"),
      rank: sql<number>`(row_number() over (partition by ${notifications.userId} order by ${notifications.createdAt} desc, ${notifications.id} desc))::int`.as(
        "rank",
      ),
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, [...userIds]),
        filter?.unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (cast(${after[0]} as timestamptz), ${after[1]})`
          : undefined,
      ),
    )
    .as("ranked");
  return db
    .select({
      id: ranked.id,
      userId: ranked.userId,
      kind: ranked.kind,
      title: ranked.title,
      body: ranked.body,
      link: ranked.link,
      createdAt: ranked.createdAt,
      readAt: ranked.readAt,
      createdAtKey: ranked.createdAtKey,
    })
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.userId), desc(ranked.createdAt), desc(ranked.id));
}

/** Total and unread notifications of many users in one statement; users without any get no row. */
export const countNotifications = (db: Database, userIds: readonly string[]) =>
  db
    .select({
      userId: notifications.userId,
      total: count(),
      unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
    })
    .from(notifications)
    .where(inArray(notifications.userId, [...userIds]))
    .groupBy(notifications.userId);

export const findNotificationsByIds = (db: Database, ids: readonly string[]): Promise<NotificationRow[]> =>
  db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, [...ids]));

const owned = (userId: string, id: string) => and(eq(notifications.userId, userId), eq(notifications.id, id));

export const findOwnedNotification = async (db: Database, userId: string, id: string) =>
  (await db.select({ id: notifications.id }).from(notifications).where(owned(userId, id)))[0];

/** Idempotent: a notification already read keeps its first `read_at`. Undefined when it is not the user's. */
export async function markNotificationRead(db: Database, userId: string, id: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(owned(userId, id))
    .returning();
  return rows[0];
}

/**
 * Marks the user's unread notifications read, all of them or those up to (and including) `upToId`
 * in the newest-first order, and returns how many changed.
 */
export async function markNotificationsRead(db: Database, userId: string, upToId: string | null): Promise<number> {
  const upTo = upToId
    ? sql`(${notifications.createdAt}, ${notifications.id}) <= (select created_at, id from ${notifications} where id = ${upToId})`
    : undefined;
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), upTo))
    .returning({ id: notifications.id });
  return rows.length;
}
