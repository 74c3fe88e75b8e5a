import { SignJWT, UnsecuredJWT } from "jose";
import { signAccessToken } from "./access-token";
import type { KeyRing } from "./key-ring";
import type { TokenVerifierConfig } from "./token-config";

export type BadTokenCase = [name: string, make: () => Promise<string>];

/**
 * Tokens that are wrong in exactly one way each (RFC 8725 attacks and mistakes), for the verifier's
 * unit tests and the router's end-to-end test alike. `ring` is the trusted issuer, `foreign` is not.
 */
export function badAccessTokens(ring: KeyRing, foreign: KeyRing, config: TokenVerifierConfig): BadTokenCase[] {
  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({ iss: config.issuer, aud: config.audience, sub: "usr_1", iat: now(), exp: now() + 900, jti: "j1" });
  const forge = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = ring) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: ring.current.kid, typ: "at+jwt", ...header })
      .sign(key.current.privateKey);
  return [
    ["alg none", async () => new UnsecuredJWT(valid()).encode()],
    [
      "HS256 signed with the public key as secret",
      () =>
        new SignJWT(valid())
          .setProtectedHeader({ alg: "HS256", kid: ring.current.kid, typ: "at+jwt" })
          .sign(new TextEncoder().encode(JSON.stringify(ring.current.publicJwk))),
    ],
    [
      "a tampered payload",
      async () => {
        const [h, p, s] = (await signAccessToken(ring, config, { userId: "usr_1", roles: ["CUSTOMER"], sellerId: null }))
          .token.split(".");
        const claims = JSON.parse(Buffer.from(p as string, "base64url").toString());
        return `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ["ADMIN"] })).toString("base64url")}.${s}`;
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
    ["an opaque refresh token", async () => "rt_3f9c2b7e0d1a4c8b9e6f5a4d3c2b1a0f3f9c2b7e0d1a"],
    ["an unknown kid", () => forge(valid(), { kid: foreign.current.kid }, foreign)],
    ["a foreign key under our kid", () => forge(valid(), {}, foreign)],
  ];
}
