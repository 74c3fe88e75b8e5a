import { createLocalJWKSet, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerToken, createAccessTokenVerifier, InvalidTokenError, signAccessToken } from "./access-token";
import { generatePrivateJwk, type KeyRing, keyRingFromPrivateJwks } from "./key-ring";
import { defaultVerifierConfig } from "./token-config";

let ring: KeyRing;
let otherRing: KeyRing;
const config = defaultVerifierConfig();
const subject = { userId: "usr_1", roles: ["CUSTOMER" as const], sellerId: null };

beforeAll(async () => {
  ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  otherRing = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
});

const verifier = () => createAccessTokenVerifier(createLocalJWKSet(ring.jwks()), config);
const now = () => Math.floor(Date.now() / 1000);

/** Signs arbitrary claims with the real key, to build tokens that are wrong in exactly one way. */
function forge(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: ring.current.kid, typ: "at+jwt", ...header })
    .sign(ring.current.privateKey);
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

  const cases: [string, () => string | Promise<string>][] = [
    ["alg none", () => new UnsecuredJWT(valid()).encode()],
    [
      "HS256 signed with the public key as secret",
      async () =>
        new SignJWT(valid())
          .setProtectedHeader({ alg: "HS256", kid: ring.current.kid, typ: "at+jwt" })
          .sign(new TextEncoder().encode(JSON.stringify(ring.current.publicJwk))),
    ],
    [
      "a tampered payload",
      async () => {
        const [h, p, s] = (await signAccessToken(ring, config, subject)).token.split(".");
        const claims = JSON.parse(Buffer.from(p as string, "base64url").toString());
        const tampered = Buffer.from(JSON.stringify({ ...claims, roles: ["ADMIN"] })).toString("base64url");
        return `${h}.${tampered}.${s}`;
      },
    ],
    ["expired 31 s ago", () => forge({ ...valid(), iat: now() - 931, exp: now() - 31 })],
    ["nbf in the future", () => forge({ ...valid(), nbf: now() + 120 })],
    ["no exp", () => forge({ ...valid(), exp: undefined })],
    ["no iat", () => forge({ ...valid(), iat: undefined })],
    ["no sub", () => forge({ ...valid(), sub: undefined })],
    ["a wrong issuer", () => forge({ ...valid(), iss: "https://evil.example" })],
    ["a wrong audience", () => forge({ ...valid(), aud: "another-api" })],
    ["a wrong typ (e.g. an ID token)", () => forge(valid(), { typ: "JWT" })],
    ["an opaque refresh token", () => "rt_3f9c2b7e0d1a4c8b9e6f5a4d3c2b1a0f"],
    [
      "an unknown kid",
      () =>
        new SignJWT(valid())
          .setProtectedHeader({ alg: "ES256", kid: otherRing.current.kid, typ: "at+jwt" })
          .sign(otherRing.current.privateKey),
    ],
    [
      "a valid shape signed by a foreign key under our kid",
      () =>
        new SignJWT(valid())
          .setProtectedHeader({ alg: "ES256", kid: ring.current.kid, typ: "at+jwt" })
          .sign(otherRing.current.privateKey),
    ],
  ];

  it.each(cases)("are rejected with %s", async (_name, make) => {
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
