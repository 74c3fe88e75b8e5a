import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs, startUsers, type UsersHarness } from "./fixtures";
import { type Inbox, inboxActions } from "./inbox.fixtures";
import { insertNotification } from "./notification.fixtures";

let h: UsersHarness;
const { customerWithInbox, inbox, markRead } = inboxActions(() => h);

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("User.notifications", () => {
  it("pages through the inbox newest first with first/after", async () => {
    const { session, ids } = await customerWithInbox(7);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Inbox = (await inbox(session, { first: 3, after })).notifications;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids);
  });

  it("orders notifications created at the same instant by id, without repeating or skipping any", async () => {
    const session = await signedInAs(h, "same-instant@example.test");
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await insertNotification(h.testDb.db, session.user.id, 5)).id);
    const first = (await inbox(session, { first: 2 })).notifications;
    const rest = (await inbox(session, { first: 2, after: first.pageInfo.endCursor })).notifications;
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual([...ids].sort().reverse());
  });

  it("shows only unread notifications with unreadOnly, and counts them", async () => {
    const { session, ids } = await customerWithInbox(5);
    await markRead(session, ids[1] as string);
    await markRead(session, ids[3] as string);
    const me = await inbox(session, { unreadOnly: true, first: 2 });
    expect(me.unreadNotificationCount).toBe(3);
    expect(me.notifications.totalCount).toBe(3);
    expect(me.notifications.edges.map((e) => e.node.id)).toEqual([ids[0], ids[2]]);
    const next = await inbox(session, { unreadOnly: true, first: 2, after: me.notifications.pageInfo.endCursor });
    expect(next.notifications.edges.map((e) => e.node.id)).toEqual([ids[4]]);
    expect(next.notifications.pageInfo.hasNextPage).toBe(false);
    expect((await inbox(session)).notifications.totalCount).toBe(5);
  });

  it("is empty, with a count of zero, for a user without notifications", async () => {
    const { session } = await customerWithInbox(0);
    const me = await inbox(session);
    expect(me.unreadNotificationCount).toBe(0);
    expect(me.notifications).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("rejects malformed cursors and page sizes with BAD_USER_INPUT", async () => {
    const { session } = await customerWithInbox(1);
    const forged = Buffer.from(JSON.stringify(["2026-13-01 10:00:00+00", "ntf_x"])).toString("base64url");
    for (const args of [{ after: "garbage" }, { after: forged }, { first: 0 }, { first: 101 }]) {
      const res = await h.gql(
        `query($first: Int, $after: String) { me { notifications(first: $first, after: $after) { totalCount } } }`,
        args,
        session.headers,
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("belongs to the user alone: other users and admins get FORBIDDEN and a null field", async () => {
    const { session: owner } = await customerWithInbox(1);
    const other = await signedInAs(h, "inbox-other@example.test");
    const admin = await signedInAs(h, "inbox-admin@example.test", ["CUSTOMER", "ADMIN"]);
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
      id unreadNotificationCount notifications { totalCount } } } }`;
    for (const viewer of [other, admin]) {
      const res = await h.gql<{ _entities: Record<string, unknown>[] }>(
        query,
        { reps: [{ __typename: "User", id: owner.user.id }] },
        viewer.headers,
      );
      expect(res.body.data?._entities[0]).toEqual({
        id: owner.user.id,
        unreadNotificationCount: null,
        notifications: null,
      });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    }
  });

  it("costs the same number of statements whatever the page size", async () => {
    const { session } = await customerWithInbox(60);
    const counts: number[] = [];
    for (const first of [5, 50]) {
      h.statements.reset();
      const me = await inbox(session, { first });
      expect(me.notifications.edges).toHaveLength(first);
      counts.push(h.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
