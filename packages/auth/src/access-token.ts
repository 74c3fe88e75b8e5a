import { randomUUID } from "node:crypto";
import { createLocalJWKSet, errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { KeyRing } from "./key-ring";
import { isRole, type Role } from "./roles";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ACCESS_TOKEN_TYPE,
  assertVerifierConfig,
  defaultVerifierConfig,
  type TokenVerifierConfig,
} from "./token-config";
import type { Viewer } from "./viewer";

export interface AccessTokenSubject {
  userId: string;
  roles: Role[];
  sellerId: string | null;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
  /** The `jti`, e.g. to build the issuer's own Viewer without verifying the token it just signed. */
  tokenId: string;
}

export async function signAccessToken(
  ring: KeyRing,
  config: Pick<TokenVerifierConfig, "issuer" | "audience">,
  subject: AccessTokenSubject,
  now = new Date(),
): Promise<IssuedAccessToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const tokenId = randomUUID();
  const token = await new SignJWT({ roles: subject.roles, ...(subject.sellerId ? { sid: subject.sellerId } : {}) })
    .setProtectedHeader({ alg: ring.current.alg, kid: ring.current.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(subject.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(tokenId)
    .sign(ring.current.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000), tokenId };
}

/** Any reason a presented token is not acceptable; callers answer 401 without saying which. */
export class InvalidTokenError extends Error {
  readonly code = "UNAUTHENTICATED";
  constructor(readonly reason: string) {
    super("Invalid or expired access token");
  }
}

/**
 * RFC 8725 checks: pinned algorithms, exact issuer and audience, required exp/iat/sub, bounded clock
 * skew and the access-token `typ`, so a refresh or ID token can never pass as an access token.
 */
export function createAccessTokenVerifier(keys: JWTVerifyGetKey, config: TokenVerifierConfig) {
  assertVerifierConfig(config);
  return async function verifyAccessToken(token: string, now?: Date): Promise<Viewer> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [...config.algorithms],
        issuer: config.issuer,
        audience: config.audience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ["exp", "iat", "sub", "jti"],
        ...(now ? { currentDate: now } : {}),
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      return {
        userId: payload.sub as string,
        roles,
        sellerId: typeof payload.sid === "string" ? payload.sid : null,
        tokenId: payload.jti as string,
        expiresAt: new Date((payload.exp as number) * 1000),
      };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) throw new InvalidTokenError(error.message);
      throw error;
    }
  };
}
export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;

/** Extracts the token of an `Authorization: Bearer` header; undefined when absent, error when malformed. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (header === undefined || header === "") return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i.exec(value ?? "");
  if (!match?.[1]) throw new InvalidTokenError("malformed authorization header");
  return match[1];
}

/** A verifier that trusts a key ring held in this process (the all-in-one stack and tests). */
export const localVerifier = (ring: KeyRing, config: TokenVerifierConfig = defaultVerifierConfig()) =>
  createAccessTokenVerifier(createLocalJWKSet(ring.jwks()), config);
