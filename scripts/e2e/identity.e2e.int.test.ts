import { defaultVerifierConfig, generatePrivateJwk, keyRingFromPrivateJwks } from "@bazaar/auth";
import { badAccessTokens } from "@bazaar/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/index";
import { type SeededStack, startSeededStack } from "./seeded-stack";

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const foreign = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
let env: SeededStack;

beforeAll(async () => {
  env = await startSeededStack({ keyRing: ring });
});
afterAll(() => env?.stop());

const [customer, , admin, analyst] = DEMO_ACCOUNTS;

async function login(account: { email: string; password: string }) {
  const res = await env.gql<{ login: { accessToken: string; refreshToken: string; userErrors: unknown[] } }>(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken userErrors { code } } }`,
    { input: { email: account.email, password: account.password } },
  );
  expect(res.body.data?.login.userErrors).toEqual([]);
  return res.body.data?.login as { accessToken: string; refreshToken: string };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("the router's token check", () => {
  it.each(badAccessTokens(ring, foreign, defaultVerifierConfig()))(
    "answers 401 UNAUTHENTICATED, before any subgraph is called, to %s",
    async (_name, make) => {
      const token = await make();
      env.resetCounts();
      const res = await env.gql(`{ me { id } sellers(first: 1) { totalCount } }`, {}, bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]).toMatchObject({
        message: "Invalid or expired access token",
        extensions: { code: "UNAUTHENTICATED" },
      });
      expect(res.body.data ?? null).toBeNull();
      expect(env.counts.size).toBe(0);
    },
  );

  it("treats a request without a token as anonymous", async () => {
    const res = await env.gql<{ me: unknown }>(`{ me { id } }`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ me: null });
  });
});

describe("signing in through the router", () => {
  it("logs a demo customer in, and the token identifies them in every subgraph", async () => {
    const { accessToken } = await login(customer);
    const res = await env.gql<{ me: { email: string; roles: string[]; reviews: { totalCount: number } } }>(
      `{ me { email roles reviews(first: 1) { totalCount } } }`,
      {},
      bearer(accessToken),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.me).toMatchObject({ email: customer.email, roles: ["CUSTOMER"] });
  });

  it("logs the demo analyst in with the ANALYST role alone, and refuses its mutations (read-only)", async () => {
    const { accessToken } = await login(analyst);
    const me = await env.gql<{ me: { email: string; name: string; roles: string[] } }>(
      `{ me { email name roles } }`,
      {},
      bearer(accessToken),
    );
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data?.me).toEqual({ email: analyst.email, name: analyst.name, roles: ["ANALYST"] });

    const rename = await env.gql(
      `mutation { updateProfile(input: { name: "Renamed" }) { user { name } } }`,
      {},
      bearer(accessToken),
    );
    expect(rename.status).toBe(403);
    expect(rename.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const after = await env.gql<{ me: { name: string } }>(`{ me { name } }`, {}, bearer(accessToken));
    expect(after.body.data?.me.name).toBe(analyst.name);
  });

  it("rotates refresh tokens and rejects a reused one", async () => {
    const { refreshToken } = await login(customer);
    const mutation = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken userErrors { code } } }`;
    const first = await env.gql<{ refreshToken: { accessToken: string | null; userErrors: { code: string }[] } }>(
      mutation,
      { input: { refreshToken } },
    );
    expect(first.body.data?.refreshToken.accessToken).toEqual(expect.any(String));
    const reused = await env.gql<{ refreshToken: { userErrors: { code: string }[] } }>(mutation, {
      input: { refreshToken },
    });
    expect(reused.body.data?.refreshToken.userErrors).toEqual([{ code: "INVALID_REFRESH_TOKEN" }]);
  });

  it("publishes the users service's public keys on the router's origin", async () => {
    const res = await fetch(new URL("/.well-known/jwks.json", env.stack.routerUrl));
    expect(res.status).toBe(200);
    const jwks = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([ring.current.kid]);
    for (const key of jwks.keys) expect(key).not.toHaveProperty("d");
  });
});

describe("private fields reached across subgraphs", () => {
  // A review's author is a User reached through catalog: its public name is for everyone,
  // its email only for that user and admins.
  const AUTHOR_EMAILS = `{ products(first: 1, sort: POPULARITY) { edges { node {
    reviews(first: 1) { edges { node { author { name email } } } } } } } }`;

  it("refuses anonymous readers with UNAUTHENTICATED and keeps the public fields", async () => {
    const res = await env.gql(AUTHOR_EMAILS);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(res.body.data)).toContain('"name"');
  });

  it("refuses another customer with FORBIDDEN", async () => {
    const { accessToken } = await login(customer);
    const res = await env.gql(AUTHOR_EMAILS, {}, bearer(accessToken));
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets an admin read it", async () => {
    const { accessToken } = await login(admin);
    const res = await env.gql(AUTHOR_EMAILS, {}, bearer(accessToken));
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body.data)).toMatch(/"email":"[^"]+@/);
  });
});
