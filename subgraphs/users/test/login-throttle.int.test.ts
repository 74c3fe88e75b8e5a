import { tables } from "@bazaar/drizzle";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshIp, type LoginPayload, login, PASSWORD, register, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

const attempt = (email: string, password: string, ip: string) => login(h.gql, email, password, ip);
const codeOf = (payload: LoginPayload) => payload.userErrors[0]?.code ?? "OK";

const WINDOW_SECONDS = 15 * 60;

describe("per-account throttling", () => {
  it("refuses the 6th attempt inside the window even with the right password, with a retry time", async () => {
    await register(h.gql, { email: "victim@example.test" });
    for (let i = 0; i < 5; i += 1) {
      expect(codeOf(await attempt("victim@example.test", `wrong guess ${i}`, freshIp()))).toBe("INVALID_CREDENTIALS");
    }
    const refused = await attempt("victim@example.test", PASSWORD, freshIp());
    expect(refused.userErrors).toEqual([
      { code: "LOGIN_THROTTLED", field: null, message: expect.stringMatching(/try again in \d+ seconds/) },
    ]);
    expect(refused.accessToken).toBeNull();
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  });

  it("lifts once the failures have left the 15-minute window", async () => {
    await register(h.gql, { email: "patient@example.test" });
    for (let i = 0; i < 5; i += 1) await attempt("patient@example.test", `wrong ${i}`, freshIp());
    expect(codeOf(await attempt("patient@example.test", PASSWORD, freshIp()))).toBe("LOGIN_THROTTLED");
    await h.testDb.db
      .update(tables.loginFailures)
      .set({ createdAt: sql`${tables.loginFailures.createdAt} - interval '15 minutes'` })
      .where(eq(tables.loginFailures.email, "patient@example.test"));
    expect(codeOf(await attempt("patient@example.test", PASSWORD, freshIp()))).toBe("OK");
  });

  it("behaves the same for an email without an account, so throttling reveals nothing", async () => {
    for (let i = 0; i < 5; i += 1) await attempt("nobody-here@example.test", `guess ${i}`, freshIp());
    const refused = await attempt("nobody-here@example.test", PASSWORD, freshIp());
    expect(codeOf(refused)).toBe("LOGIN_THROTTLED");
    expect(refused.userErrors[0]?.message).not.toMatch(/exist|unknown|account/i);
  });

  it("lets several guesses sent at once through no more than the limit", async () => {
    await register(h.gql, { email: "parallel@example.test" });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt("parallel@example.test", `parallel guess ${i}`, freshIp())),
    );
    const checked = results.filter((r) => codeOf(r) === "INVALID_CREDENTIALS");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => codeOf(r) === "LOGIN_THROTTLED").length).toBe(12 - checked.length);
  });

  it("resets the account's count on a successful sign-in", async () => {
    await register(h.gql, { email: "forgetful@example.test" });
    for (let i = 0; i < 4; i += 1) await attempt("forgetful@example.test", `typo ${i}`, freshIp());
    expect(codeOf(await attempt("forgetful@example.test", PASSWORD, freshIp()))).toBe("OK");
    for (let i = 0; i < 4; i += 1) {
      expect(codeOf(await attempt("forgetful@example.test", `typo again ${i}`, freshIp()))).toBe("INVALID_CREDENTIALS");
    }
    expect(codeOf(await attempt("forgetful@example.test", PASSWORD, freshIp()))).toBe("OK");
  });
});

describe("per-IP throttling", () => {
  it("refuses the 21st attempt from one address across accounts, and not other addresses", async () => {
    await register(h.gql, { email: "bystander@example.test" });
    const ip = freshIp();
    for (let i = 0; i < 20; i += 1) {
      expect(codeOf(await attempt(`sprayed-${i}@example.test`, "password123", ip))).toBe("INVALID_CREDENTIALS");
    }
    const refused = await attempt("bystander@example.test", PASSWORD, ip);
    expect(codeOf(refused)).toBe("LOGIN_THROTTLED");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(codeOf(await attempt("bystander@example.test", PASSWORD, freshIp()))).toBe("OK");
  });

  it("takes the address from the socket when the router's header is absent or not an address", async () => {
    await register(h.gql, { email: "direct@example.test" });
    for (let i = 0; i < 20; i += 1) {
      await attempt(`direct-spray-${i}@example.test`, "password123", "not-an-ip");
    }
    // The socket (127.0.0.1) took the 20 failures: a request without the header is refused too.
    const res = await h.gql<{ login: LoginPayload }>(
      `mutation { login(input: { email: "direct@example.test", password: "${PASSWORD}" }) { userErrors { code } } }`,
    );
    expect(res.body.data?.login.userErrors).toEqual([{ code: "LOGIN_THROTTLED" }]);
  });
});
