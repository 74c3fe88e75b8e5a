import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { AccessTokenAlgorithm } from "./token-config";

export interface SigningKey {
  kid: string;
  alg: AccessTokenAlgorithm;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The keys the users service signs with: the first signs new tokens, all are published so tokens
 * signed by a key being rotated out stay valid until they expire.
 */
export interface KeyRing {
  current: SigningKey;
  keys: SigningKey[];
  /** The public JWKS document served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] };
}

const ALG: AccessTokenAlgorithm = "ES256";

function publicPart(jwk: JWK): JWK {
  const { d: _private, ...rest } = jwk;
  return rest;
}

export async function keyRingFromPrivateJwks(privateJwks: JWK[]): Promise<KeyRing> {
  if (privateJwks.length === 0) throw new Error("At least one signing key is required");
  const keys = await Promise.all(
    privateJwks.map(async (jwk): Promise<SigningKey> => {
      if (!jwk.kid || !jwk.d) throw new Error("Signing keys need a kid and private material");
      if (jwk.alg && jwk.alg !== ALG) throw new Error(`Signing key ${jwk.kid} is ${jwk.alg}; only ${ALG} is accepted`);
      const privateKey = (await importJWK({ ...jwk, alg: ALG }, ALG)) as CryptoKey;
      return { kid: jwk.kid, alg: ALG, privateKey, publicJwk: { ...publicPart(jwk), alg: ALG, use: "sig" } };
    }),
  );
  return {
    current: keys[0] as SigningKey,
    keys,
    jwks: () => ({ keys: keys.map((k) => k.publicJwk) }),
  };
}

export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALG, use: "sig" };
}

/**
 * Embedded default: keys generated once and kept in a file only the owner can read, so tokens
 * survive restarts of `npm start`. Production passes keys through configuration instead.
 */
export async function loadOrCreateKeyRing(path: string): Promise<KeyRing> {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ keys: [await generatePrivateJwk()] }, null, 2), { mode: 0o600 });
  }
  const { keys } = JSON.parse(readFileSync(path, "utf8")) as { keys: JWK[] };
  return keyRingFromPrivateJwks(keys);
}
