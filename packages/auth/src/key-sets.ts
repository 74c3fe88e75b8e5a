import { createLocalJWKSet, createRemoteJWKSet, type JWK, type JWTVerifyGetKey } from "jose";

/**
 * JWKS fetched from the users service and cached. An unknown `kid` triggers at most one refetch per
 * cooldown, so a flood of tokens with made-up key ids cannot hammer the issuer.
 */
export function remoteKeySet(url: string, options: { cooldownMs?: number; cacheMaxAgeMs?: number } = {}): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    timeoutDuration: 5_000,
  });
}

/** Verification keys known in-process (the all-in-one and tests share the issuer's key ring). */
export function localKeySet(jwks: { keys: JWK[] }): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}
