import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUsers, type UsersHarness } from "./fixtures";
import { inboxActions, MARK_ALL, MARK_READ } from "./inbox.fixtures";

let h: UsersHarness;
const { customerWithInbox, inbox, markRead, markAll } = inboxActions(() => h);

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("markNotificationRead", () => {
  it("marks the viewer's notification read and keeps its first readAt when marked again", async () => {
    const { session, ids } = await customerWithInbox(2);
    const first = await markRead(session, ids[0] as string);
    expect(first?.userErrors).toEqual([]);
    expect(first?.notification?.id).toBe(ids[0]);
    expect(first?.notification?.readAt).toEqual(expect.any(String));
    const again = await markRead(session, ids[0] as string);
    expect(again?.notification?.readAt).toBe(first?.notification?.readAt);
    expect((await inbox(session)).unreadNotificationCount).toBe(1);
  });

  it("refuses another user's notification and an unknown id alike with NOTIFICATION_NOT_FOUND", async () => {
    const { ids } = await customerWithInbox(1);
    const { session: intruder } = await customerWithInbox(0);
    for (const id of [ids[0] as string, "ntf_unknown", "not an id"]) {
      expect(await markRead(intruder, id)).toEqual({
        notification: null,
        userErrors: [
          {
            code: "NOTIFICATION_NOT_FOUND",
            field: ["input", "notificationId"],
            message: "No such notification in your inbox",
          },
        ],
      });
    }
    const stillUnread = await h.testDb.db.query.notifications.findFirst({
      where: (n, { eq }) => eq(n.id, ids[0] as string),
    });
    expect(stillUnread?.readAt).toBeNull();
  });

  it("asks anonymous callers to sign in", async () => {
    const res = await h.gql(MARK_READ, { input: { notificationId: "ntf_any" } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("markAllNotificationsRead", () => {
  it("marks every unread notification read and says how many changed", async () => {
    const { session, ids } = await customerWithInbox(4);
    await markRead(session, ids[2] as string);
    expect(await markAll(session)).toEqual({ markedCount: 3, userErrors: [] });
    expect(await markAll(session)).toEqual({ markedCount: 0, userErrors: [] });
    expect((await inbox(session)).unreadNotificationCount).toBe(0);
  });

  it("stops at the newest notification the client has shown, leaving newer ones unread", async () => {
    const { session, ids } = await customerWithInbox(4);
    expect(await markAll(session, { upToNotificationId: ids[1] })).toEqual({ markedCount: 3, userErrors: [] });
    const unread = (await inbox(session, { unreadOnly: true })).notifications.edges.map((e) => e.node.id);
    expect(unread).toEqual([ids[0]]);
  });

  it("leaves other users' notifications alone and refuses to anchor on one of them", async () => {
    const { session: owner, ids } = await customerWithInbox(2);
    const { session: other } = await customerWithInbox(1);
    expect(await markAll(other, { upToNotificationId: ids[0] })).toEqual({
      markedCount: 0,
      userErrors: [{ code: "NOTIFICATION_NOT_FOUND", field: ["input", "upToNotificationId"] }],
    });
    expect(await markAll(other)).toEqual({ markedCount: 1, userErrors: [] });
    expect((await inbox(owner)).unreadNotificationCount).toBe(2);
  });

  it("asks anonymous callers to sign in", async () => {
    const res = await h.gql(MARK_ALL, { input: {} });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
