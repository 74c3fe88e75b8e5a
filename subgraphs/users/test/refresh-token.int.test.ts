import { tables } from "@bazaar/drizzle";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, PASSWORD, register, SESSION_FIELDS, type Session, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

const refresh = async (refreshToken: string) => {
  const res = await h.gql<{ refreshToken: Session }>(
    `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { ${SESSION_FIELDS} } }`,
    { input: { refreshToken } },
  );
  return res.body.data?.refreshToken as Session;
};
const logout = async (refreshToken: string) => {
  const res = await h.gql<{ logout: { loggedOut: boolean; userErrors: { code: string }[] } }>(
    `mutation($input: LogoutInput!) { logout(input: $input) { loggedOut userErrors { code field message } } }`,
    { input: { refreshToken } },
  );
  return res.body.data?.logout;
};
const codeOf = (payload: Session) => payload.userErrors[0]?.code ?? "OK";

let accounts = 0;
const newSession = () => {
  accounts += 1;
  return register(h.gql, { email: `refresher${accounts}@example.test` });
};

describe("refresh token rotation", () => {
  it("exchanges a refresh token for a new pair that works, for the same user", async () => {
    const first = await newSession();
    const second = await refresh(first.refreshToken);
    expect(codeOf(second)).toBe("OK");
    expect(second.user.id).toBe(first.user.id);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    const me = await h.gql(`{ me { id } }`, {}, bearer(second.accessToken));
    expect(me.body.data).toEqual({ me: { id: first.user.id } });
    expect(codeOf(await refresh(second.refreshToken))).toBe("OK");
  });

  it("stores only a SHA-256 digest of each token", async () => {
    const session = await newSession();
    const rows = await h.testDb.db
      .select()
      .from(tables.refreshTokens)
      .where(eq(tables.refreshTokens.userId, session.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(session.refreshToken.slice(3));
    expect(rows[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it("treats a reused token as theft: the family is revoked, the successor stops working too", async () => {
    const first = await newSession();
    const second = await refresh(first.refreshToken);
    const replay = await refresh(first.refreshToken);
    expect(replay.userErrors).toEqual([
      { code: "INVALID_REFRESH_TOKEN", field: ["input", "refreshToken"], message: expect.any(String) },
    ]);
    expect(replay).toMatchObject({ accessToken: null, refreshToken: null, user: null });
    expect(codeOf(await refresh(second.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
  });

  it("lets exactly one of 10 concurrent refreshes with one token succeed", async () => {
    const session = await newSession();
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(session.refreshToken)));
    const winners = results.filter((r) => codeOf(r) === "OK");
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === "INVALID_REFRESH_TOKEN")).toHaveLength(9);
    const successors = await h.testDb.db
      .select()
      .from(tables.refreshTokens)
      .where(eq(tables.refreshTokens.userId, session.user.id));
    expect(successors).toHaveLength(2);
    // The losers presented a token that had just been used: indistinguishable from a replay, so the
    // family is revoked (no grace period) and the client must sign in again.
    expect(codeOf(await refresh(winners[0]?.refreshToken as string))).toBe("INVALID_REFRESH_TOKEN");
  });

  it("refuses expired, unknown and malformed tokens without revoking anything", async () => {
    const session = await newSession();
    const next = await refresh(session.refreshToken);
    const unknown = `rt_${"A".repeat(43)}`;
    for (const token of [unknown, "rt_short", "eyJhbGciOiJFUzI1NiJ9.e30.sig", ""]) {
      expect(codeOf(await refresh(token))).toBe("INVALID_REFRESH_TOKEN");
    }
    expect(codeOf(await refresh(next.refreshToken))).toBe("OK");

    const stale = await newSession();
    await h.testDb.db
      .update(tables.refreshTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(tables.refreshTokens.userId, stale.user.id));
    expect(codeOf(await refresh(stale.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
  });

  it("gives the new access token the user's current roles", async () => {
    const session = await newSession();
    await h.testDb.db
      .update(tables.users)
      .set({ roles: ["CUSTOMER", "ADMIN"] })
      .where(eq(tables.users.id, session.user.id));
    const next = await refresh(session.refreshToken);
    const me = await h.gql(`{ me { roles } }`, {}, bearer(next.accessToken));
    expect(me.body.data).toEqual({ me: { roles: ["CUSTOMER", "ADMIN"] } });
  });
});

describe("logout", () => {
  it("revokes the whole session, whichever of its tokens is presented", async () => {
    const first = await newSession();
    const second = await refresh(first.refreshToken);
    expect(await logout(first.refreshToken)).toEqual({ loggedOut: true, userErrors: [] });
    expect(codeOf(await refresh(second.refreshToken))).toBe("INVALID_REFRESH_TOKEN");
    expect(await logout(second.refreshToken)).toEqual({ loggedOut: true, userErrors: [] });
  });

  it("leaves the user's other sessions alone", async () => {
    const phone = await newSession();
    const email = `refresher${accounts}@example.test`;
    const laptop = await h.gql<{ login: Session }>(
      `mutation { login(input: { email: "${email}", password: "${PASSWORD}" }) { ${SESSION_FIELDS} } }`,
    );
    await logout(phone.refreshToken);
    expect(codeOf(await refresh(laptop.body.data?.login.refreshToken as string))).toBe("OK");
  });

  it("answers INVALID_REFRESH_TOKEN for a token it never issued", async () => {
    expect(await logout(`rt_${"B".repeat(43)}`)).toMatchObject({
      loggedOut: false,
      userErrors: [{ code: "INVALID_REFRESH_TOKEN" }],
    });
  });
});
