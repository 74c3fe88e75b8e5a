import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePrivateJwk } from "@bazaar/auth";
import { describe, expect, it } from "vitest";
import { loadUsersConfig } from "./env";

describe("users configuration", () => {
  it("takes the key ring from AUTH_SIGNING_KEYS, the first key signing", async () => {
    const keys = [await generatePrivateJwk(), await generatePrivateJwk()];
    const config = await loadUsersConfig({ AUTH_SIGNING_KEYS: JSON.stringify({ keys }) });
    expect(config.keyRing.current.kid).toBe(keys[0]?.kid);
    expect(config.keyRing.jwks().keys.map((k) => k.kid)).toEqual(keys.map((k) => k.kid));
    expect(config.tokenConfig).toEqual({ issuer: "https://bazaar.local/users", audience: "bazaar-api" });
  });

  it("otherwise creates a key file once, readable by its owner only, and reuses it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "users-keys-")), "keys", "signing-keys.json");
    const first = await loadUsersConfig({ AUTH_KEYS_FILE: file });
    const second = await loadUsersConfig({ AUTH_KEYS_FILE: file });
    expect(second.keyRing.current.kid).toBe(first.keyRing.current.kid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).keys[0].d).toBeTypeOf("string");
  });

  it("refuses malformed keys without echoing the secret", async () => {
    const secret = '{"keys": [{"d": "TOP-SECRET"';
    const error = await loadUsersConfig({ AUTH_SIGNING_KEYS: secret }).catch((e: Error) => e);
    expect(String(error)).toMatch(/AUTH_SIGNING_KEYS/);
    expect(String(error)).not.toContain("TOP-SECRET");
    await expect(loadUsersConfig({ AUTH_SIGNING_KEYS: '{"keys": []}' })).rejects.toThrow(/at least one key/);
  });

  it("requires explicit keys in production", async () => {
    await expect(loadUsersConfig({ NODE_ENV: "production" })).rejects.toThrow(/AUTH_SIGNING_KEYS/);
  });
});
