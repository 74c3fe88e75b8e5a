import { tables } from "@bazaar/drizzle";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, register, SESSION_FIELDS, type Session, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("registration rules", () => {
  const attempt = async (input: { name?: string; email: string; password?: string }) => {
    const res = await h.gql<{ register: Session }>(
      `mutation($input: RegisterInput!) { register(input: $input) { ${SESSION_FIELDS} } }`,
      {
        input: { name: "Someone", password: PASSWORD, ...input },
      },
    );
    return res.body.data?.register as Session;
  };
  const codes = (payload: Session) => payload.userErrors.map((e) => [e.code, e.field?.join(".")]);

  it.each([
    ["plainaddress"],
    ["@example.test"],
    ["a@b"],
    ["a b@example.test"],
    ["a..b@example.test"],
    ["a@-example.test"],
    [`${"x".repeat(65)}@example.test`],
  ])("refuses %s with INVALID_EMAIL", async (email) => {
    expect(codes(await attempt({ email }))).toEqual([["INVALID_EMAIL", "input.email"]]);
  });

  it("refuses an email that is taken, whatever its case and surrounding spaces", async () => {
    await register(h.gql, { email: "taken@example.test" });
    expect(codes(await attempt({ email: " TAKEN@example.test" }))).toEqual([["EMAIL_TAKEN", "input.email"]]);
  });

  it.each([
    ["shorter than 10 characters", "short-pw1", "PASSWORD_TOO_SHORT"],
    ["longer than 200 characters", "p".repeat(201), "PASSWORD_TOO_LONG"],
    ["the email itself", "Pw.Owner@Example.test", "PASSWORD_MATCHES_EMAIL"],
    ["the local part of the email", "PW.OWNER.LONG", "PASSWORD_MATCHES_EMAIL"],
  ])("refuses a password %s", async (_name, password, code) => {
    const email = password.startsWith("PW.OWNER.LONG") ? "pw.owner.long@example.test" : "pw.owner@example.test";
    expect(codes(await attempt({ email, password }))).toEqual([[code, "input.password"]]);
  });

  it.each([
    ["blank", "  ", "REQUIRED"],
    ["over 100 characters", "n".repeat(101), "TOO_LONG"],
    ["with control characters", "Bad\u0000Name", "INVALID_CHARACTERS"],
  ])("refuses a name %s", async (_name, name, code) => {
    expect(codes(await attempt({ email: "named@example.test", name }))).toEqual([[code, "input.name"]]);
  });

  it("reports every problem at once, writes nothing and never echoes the password", async () => {
    const [before] = await h.testDb.db.select({ n: count() }).from(tables.users);
    const res = await h.gql(`mutation($input: RegisterInput!) { register(input: $input) { ${SESSION_FIELDS} } }`, {
      input: { name: "", email: "nope", password: "s3cr3t!" },
    });
    const payload = res.body.data?.register as Session;
    expect(codes(payload)).toEqual([
      ["REQUIRED", "input.name"],
      ["INVALID_EMAIL", "input.email"],
      ["PASSWORD_TOO_SHORT", "input.password"],
    ]);
    expect(payload).toMatchObject({ accessToken: null, refreshToken: null, user: null });
    expect(JSON.stringify(res.body)).not.toContain("s3cr3t!");
    const [after] = await h.testDb.db.select({ n: count() }).from(tables.users);
    expect(after?.n).toBe(before?.n);
  });
});
