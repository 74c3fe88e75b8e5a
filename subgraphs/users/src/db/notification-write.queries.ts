import { type Database, tables } from "@bazaar/drizzle";
import { writeToOutbox } from "@bazaar/events";
import { newId } from "@bazaar/subgraph-kit";
import { eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

const { notifications, users, wishlistItems, usersOutbox } = tables;

/** What a notification says; the same for every recipient of one event. */
export interface NotificationDraft {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** Who gets a notification, as a query on users' own tables (never a loop over recipients). */
export type Recipients =
  | { kind: "user"; userId: string }
  | { kind: "sellerAccounts"; sellerIds: readonly string[] }
  | { kind: "wishlisters"; productId: string };

export interface InsertedNotification {
  id: string;
  userId: string;
  kind: string;
}

/** notification.added rows per outbox INSERT: far below PostgreSQL's 65,535 bind parameters. */
const OUTBOX_CHUNK = 1000;

/** Every column of `notifications`, in table order (INSERT … SELECT needs exactly that), for one recipient column. */
function notificationColumns(userId: AnyPgColumn, draft: NotificationDraft) {
  const base = newId("ntf");
  return {
    id: sql<string>`${base} || '_' || row_number() over (order by ${userId})`.as("id"),
    userId: sql<string>`${userId}`.as("user_id"),
    kind: sql<string>`${draft.kind}::text`.as("kind"),
    title: sql<string>`${draft.title}::text`.as("title"),
    body: sql<string>`${draft.body}::text`.as("body"),
    link: sql<string | null>`${draft.link}::text`.as("link"),
    createdAt: sql<Date>`now()`.as("created_at"),
    readAt: sql<Date | null>`null::timestamptz`.as("read_at"),
  };
}

function recipientRows(tx: Database, recipients: Recipients, draft: NotificationDraft) {
  switch (recipients.kind) {
    case "user":
      return tx.select(notificationColumns(users.id, draft)).from(users).where(eq(users.id, recipients.userId));
    case "sellerAccounts":
      return tx
        .select(notificationColumns(users.id, draft))
        .from(users)
        .where(inArray(users.sellerId, [...recipients.sellerIds]));
    case "wishlisters":
      return tx
        .select(notificationColumns(wishlistItems.userId, draft))
        .from(wishlistItems)
        .where(eq(wishlistItems.productId, recipients.productId));
  }
}

/**
 * Inserts the draft for every recipient in one INSERT … SELECT and, in the same transaction, one
 * `notification.added` event per row for the fan-out to notificationAdded subscribers. Recipients
 * that do not exist (a deleted account) simply get nothing. The rows of one statement share a
 * fresh `newId("ntf")` plus their row number: unique and opaque without an id per row from here.
 */
export async function insertNotifications(
  tx: Database,
  recipients: Recipients,
  draft: NotificationDraft,
): Promise<InsertedNotification[]> {
  if (recipients.kind === "sellerAccounts" && recipients.sellerIds.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .select(recipientRows(tx, recipients, draft))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  for (let start = 0; start < rows.length; start += OUTBOX_CHUNK) {
    await writeToOutbox(
      tx,
      usersOutbox,
      rows.slice(start, start + OUTBOX_CHUNK).map((row) => ({
        type: "notification.added",
        aggregateType: "Notification",
        aggregateId: row.id,
        payload: { notificationId: row.id, userId: row.userId, kind: row.kind },
      })),
    );
  }
  return rows;
}
