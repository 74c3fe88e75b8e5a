import { signedInAs, type UsersHarness } from "./fixtures";
import { insertNotification } from "./notification.fixtures";

export type Inbox = {
  totalCount: number;
  edges: { cursor: string; node: { id: string; kind: string; title: string; readAt: string | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

type Viewer = { headers: Record<string, string> };

const INBOX = `query($first: Int, $after: String, $unreadOnly: Boolean) { me {
  unreadNotificationCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount edges { cursor node { id kind title readAt } } pageInfo { hasNextPage endCursor } } } }`;
export const MARK_READ = `mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) {
  notification { id readAt } userErrors { code field message } } }`;
export const MARK_ALL = `mutation($input: MarkAllNotificationsReadInput!) { markAllNotificationsRead(input: $input) {
  markedCount userErrors { code field } } }`;

let accounts = 0;

/**
 * Customers with seeded inboxes, and what a client does with an inbox, over GraphQL. Takes the
 * harness lazily, so a test file can destructure the actions before `beforeAll` starts the server.
 */
export function inboxActions(harness: () => UsersHarness) {
  return {
    /** A newly registered customer with `count` notifications, listed newest first. */
    async customerWithInbox(count: number) {
      accounts += 1;
      const h = harness();
      const session = await signedInAs(h, `inbox${accounts}@example.test`);
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) ids.push((await insertNotification(h.testDb.db, session.user.id, i)).id);
      return { session, ids };
    },

    async inbox(viewer: Viewer, args: Record<string, unknown> = {}) {
      const res = await harness().gql<{ me: { notifications: Inbox; unreadNotificationCount: number } }>(
        INBOX,
        args,
        viewer.headers,
      );
      if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
      return res.body.data.me;
    },

    async markRead(viewer: Viewer, notificationId: string) {
      const res = await harness().gql<{
        markNotificationRead: {
          notification: { id: string; readAt: string } | null;
          userErrors: { code: string; field: string[] }[];
        };
      }>(MARK_READ, { input: { notificationId } }, viewer.headers);
      return res.body.data?.markNotificationRead;
    },

    async markAll(viewer: Viewer, input: Record<string, unknown> = {}) {
      const res = await harness().gql<{
        markAllNotificationsRead: { markedCount: number; userErrors: { code: string; field: string[] }[] };
      }>(MARK_ALL, { input }, viewer.headers);
      return res.body.data?.markAllNotificationsRead;
    },
  };
}
