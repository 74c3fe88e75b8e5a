import {
  createAccessTokenVerifier,
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localKeySet,
  remoteKeySet,
  signAccessToken,
} from "@bazaar/auth";
import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, login, PASSWORD, register, type Session, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;

beforeAll(async () => {
  h = await startUsers();
});

afterAll(async () => {
  await h?.stop();
});

describe("access tokens issued by users", () => {
  it("issues access tokens that verify against the published JWKS and carry roles and seller id", async () => {
    const registered = await register(h.gql, { email: "seller-to-be@example.test" });
    await h.testDb.db
      .update(tables.users)
      .set({ roles: ["CUSTOMER", "SELLER"], sellerId: "sel_42" })
      .where(eq(tables.users.id, registered.user.id));
    const session = (await login(h.gql, "seller-to-be@example.test", PASSWORD)) as Session;

    const jwks = (await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json()) as Parameters<
      typeof localKeySet
    >[0];
    const verify = createAccessTokenVerifier(localKeySet(jwks), defaultVerifierConfig());
    const viewer = await verify(session.accessToken);
    expect(viewer).toMatchObject({ userId: registered.user.id, roles: ["CUSTOMER", "SELLER"], sellerId: "sel_42" });
    expect(viewer.expiresAt.toISOString()).toBe(session.accessTokenExpiresAt);
    const header = JSON.parse(Buffer.from(session.accessToken.split(".")[0] as string, "base64url").toString());
    expect(header).toEqual({ alg: "ES256", kid: h.keyRing.current.kid, typ: "at+jwt" });
  });
});

describe("access tokens presented to users", () => {
  it("are refused with 401 UNAUTHENTICATED when signed by a foreign key or malformed", async () => {
    const foreign = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
    const forged = await signAccessToken(foreign, defaultVerifierConfig(), {
      userId: "usr_x",
      roles: ["ADMIN"],
      sellerId: null,
    });
    for (const headers of [
      bearer(forged.token),
      { authorization: "Bearer not.a.jwt" },
      { authorization: "Basic abc" },
    ]) {
      const res = await h.gql(`{ me { id } }`, {}, headers);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("JWKS", () => {
  it("is what a remote verifier (the router's) fetches to accept users' tokens", async () => {
    const session = await register(h.gql, { email: "remote@example.test" });
    const verify = createAccessTokenVerifier(
      remoteKeySet(`${h.server.url}/.well-known/jwks.json`),
      defaultVerifierConfig(),
    );
    await expect(verify(session.accessToken)).resolves.toMatchObject({ userId: session.user.id, roles: ["CUSTOMER"] });
  });

  it("publishes every key of the ring, public members only, cacheable for five minutes", async () => {
    const rotated = await startUsers({
      keyRing: await keyRingFromPrivateJwks([await generatePrivateJwk(), await generatePrivateJwk()]),
    });
    try {
      const res = await fetch(`${rotated.server.url}/.well-known/jwks.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
      expect(keys.map((k) => k.kid)).toEqual(rotated.keyRing.keys.map((k) => k.kid));
      for (const key of keys) {
        expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
        expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
      }
      const session = await register(rotated.gql, { email: "rotation@example.test" });
      const header = JSON.parse(Buffer.from(session.accessToken.split(".")[0] as string, "base64url").toString());
      expect(header.kid).toBe(rotated.keyRing.keys[0]?.kid);
    } finally {
      await rotated.stop();
    }
  });
});
