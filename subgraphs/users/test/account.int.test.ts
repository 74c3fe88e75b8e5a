import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, insertUser, login, PASSWORD, register, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

const ME = `{ me { id name email roles createdAt } }`;

describe("register, login and me", () => {
  it("registers a customer, signs them in and answers me with their private fields", async () => {
    const registered = await register(h.gql, { name: "  Grace Hopper ", email: "  Grace@Example.TEST " });
    expect(registered.userErrors).toEqual([]);
    expect(registered.user.name).toBe("Grace Hopper");
    expect(registered.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    expect(new Date(registered.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await h.gql(ME, {}, bearer(registered.accessToken));
    expect(me.body.data?.me).toMatchObject({
      id: registered.user.id,
      name: "Grace Hopper",
      email: "grace@example.test",
      roles: ["CUSTOMER"],
    });

    const signedIn = await login(h.gql, "GRACE@example.test", PASSWORD);
    expect(signedIn?.userErrors).toEqual([]);
    expect(signedIn?.user.id).toBe(registered.user.id);
    expect(signedIn?.refreshToken).not.toBe(registered.refreshToken);
  });

  it("answers me with null for anonymous callers", async () => {
    const res = await h.gql(ME);
    expect(res.body).toEqual({ data: { me: null } });
  });

  it("lets the new session read its own private fields in the same response", async () => {
    const res =
      await h.gql(`mutation { register(input: { name: "Lin", email: "lin@example.test", password: "${PASSWORD}" }) {
      user { email roles addresses { id } } } }`);
    expect(res.body.data).toEqual({
      register: { user: { email: "lin@example.test", roles: ["CUSTOMER"], addresses: [] } },
    });
  });

  it("updates the profile name of the signed-in user, with the same name rules as sign-up", async () => {
    const session = await register(h.gql, { email: "renamer@example.test" });
    const update = (name: string) =>
      h.gql(
        `mutation($name: String!) { updateProfile(input: { name: $name }) { user { id name } userErrors { code field } } }`,
        { name },
        bearer(session.accessToken),
      );
    expect((await update(" Renamed ")).body.data).toEqual({
      updateProfile: { user: { id: session.user.id, name: "Renamed" }, userErrors: [] },
    });
    expect((await update("   ")).body.data).toEqual({
      updateProfile: { user: null, userErrors: [{ code: "REQUIRED", field: ["input", "name"] }] },
    });
    expect((await update("x".repeat(101))).body.data).toEqual({
      updateProfile: { user: null, userErrors: [{ code: "TOO_LONG", field: ["input", "name"] }] },
    });
    expect((await h.gql(`{ me { name } }`, {}, bearer(session.accessToken))).body.data).toEqual({
      me: { name: "Renamed" },
    });
  });
});

describe("sign-in failures", () => {
  it("answer an unknown email and a wrong password with the identical payload", async () => {
    await register(h.gql, { email: "known@example.test" });
    const unknown = await login(h.gql, "unknown@example.test", PASSWORD);
    const wrong = await login(h.gql, "known@example.test", "not the password");
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({
      accessToken: null,
      refreshToken: null,
      accessTokenExpiresAt: null,
      user: null,
      retryAfterSeconds: null,
      userErrors: [{ code: "INVALID_CREDENTIALS", field: null, message: "Email or password is incorrect" }],
    });
  });

  it("refuse accounts without a password and malformed emails the same way", async () => {
    await insertUser(h.testDb.db, { email: "seeded@example.test", passwordHash: null });
    for (const email of ["seeded@example.test", "not an email", "\u0000@example.test"]) {
      expect((await login(h.gql, email, PASSWORD))?.userErrors.map((e) => e.code)).toEqual(["INVALID_CREDENTIALS"]);
    }
  });
});
