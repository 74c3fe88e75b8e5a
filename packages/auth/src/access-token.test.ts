import { createLocalJWKSet, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { bearerToken, createAccessTokenVerifier, InvalidTokenError, signAccessToken } from "./access-token";
import { badAccessTokens } from "./bad-tokens.fixture";
import { generatePrivateJwk, keyRingFromPrivateJwks } from "./key-ring";
import { defaultVerifierConfig } from "./token-config";

const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const otherRing = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
const config = defaultVerifierConfig();
const subject = { userId: "usr_1", roles: ["CUSTOMER" as const], sellerId: null };

const verifier = () => createAccessTokenVerifier(createLocalJWKSet(ring.jwks()), config);
const now = () => Math.floor(Date.now() / 1000);

/** Signs arbitrary claims with the real key. */
function forge(claims: Record<string, unknown>) {
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: ring.current.kid, typ: "at+jwt" }).sign(ring.current.privateKey);
}
const valid = () => ({ iss: config.issuer, aud: config.audience, sub: "usr_1", iat: now(), exp: now() + 900, jti: "j1" });

async function rejection(token: string | Promise<string>) {
  try {
    await verifier()(await token);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("access tokens", () => {
  it("round-trip the identity they were issued for", async () => {
    const issued = await signAccessToken(ring, config, { userId: "usr_9", roles: ["CUSTOMER", "SELLER"], sellerId: "sel_3" });
    const viewer = await verifier()(issued.token);
    expect(viewer).toMatchObject({ userId: "usr_9", roles: ["CUSTOMER", "SELLER"], sellerId: "sel_3" });
    expect(viewer.expiresAt.getTime()).toBe(issued.expiresAt.getTime());
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);
  });

  it("stay valid after a key rotation while the old key is still published", async () => {
    const issued = await signAccessToken(ring, config, subject);
    const newKey = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
    const published = { keys: [...newKey.jwks().keys, ...ring.jwks().keys] };
    const viewer = await createAccessTokenVerifier(createLocalJWKSet(published), config)(issued.token);
    expect(viewer.userId).toBe("usr_1");
  });

  it.each(badAccessTokens(ring, otherRing, config))("are rejected with %s", async (_name, make) => {
    const error = await rejection(make());
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).message).toBe("Invalid or expired access token");
  });

  it("tolerate at most 30 s of clock skew", async () => {
    const token = await forge({ ...valid(), iat: now() - 929, exp: now() - 29 });
    await expect(verifier()(token)).resolves.toMatchObject({ userId: "usr_1" });
  });
});

describe("verifier configuration", () => {
  it.each([
    ["an empty issuer", { issuer: "" }],
    ["an empty audience", { audience: "" }],
    ["no algorithms", { algorithms: [] }],
    ["a symmetric algorithm", { algorithms: ["HS256"] }],
    ["a clock tolerance above 30 s", { clockToleranceSeconds: 31 }],
  ])("refuses %s", (_name, overrides) => {
    expect(() => createAccessTokenVerifier(createLocalJWKSet(ring.jwks()), defaultVerifierConfig(overrides))).toThrow();
  });
});

describe("bearerToken", () => {
  it("reads a bearer header, treats absence as anonymous and rejects other schemes", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken(undefined)).toBeUndefined();
    expect(() => bearerToken("Basic dXNlcjpwYXNz")).toThrow(InvalidTokenError);
    expect(() => bearerToken("Bearer ")).toThrow(InvalidTokenError);
  });
});
