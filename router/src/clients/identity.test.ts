import type { Viewer } from "@bazaar/auth";
import { describe, expect, it } from "vitest";
import { resolveProtectionConfig } from "../protection/config";
import { ClientIdentifier } from "./identity";
import { PartnerKeys, sha256Hex } from "./partner-keys";

const config = resolveProtectionConfig({
  partners: [
    { name: "acme", keySha256: sha256Hex("acme-secret-key"), quota: 90_000 },
    { name: "globex", keySha256: sha256Hex("globex-secret-key"), quota: 10 },
  ],
  rateLimit: { anonymousQuota: 100, userQuota: 200 },
});
const identifier = new ClientIdentifier(config);
const viewer: Viewer = { userId: "usr_1", roles: ["CUSTOMER"], sellerId: null, tokenId: "t", expiresAt: new Date() };
const headers = (values: Record<string, string>) => (name: string) => values[name];

describe("client identity", () => {
  it("knows a partner by its API key, whatever else is sent", () => {
    expect(
      identifier.identify({ header: headers({ "x-api-key": "acme-secret-key" }), viewer, ip: "1.2.3.4" }),
    ).toMatchObject({
      kind: "partner",
      bucket: "partner:acme",
      quota: 90_000,
      partner: "acme",
    });
  });

  it("refuses an unknown API key instead of treating the caller as anonymous", () => {
    expect(() =>
      identifier.identify({ header: headers({ "x-api-key": "guess" }), viewer: null, ip: "1.2.3.4" }),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "INVALID_API_KEY" }) }));
  });

  it("knows signed-in users by user id and everyone else by address", () => {
    expect(identifier.identify({ header: headers({}), viewer, ip: "1.2.3.4" })).toMatchObject({
      kind: "user",
      bucket: "user:usr_1",
      quota: 200,
    });
    expect(identifier.identify({ header: headers({}), viewer: null, ip: "1.2.3.4" })).toMatchObject({
      kind: "anonymous",
      bucket: "ip:1.2.3.4",
      quota: 100,
    });
  });

  it("records the app name and version, first-party only when listed", () => {
    const web = identifier.identify({
      header: headers({ "apollographql-client-name": "bazaar-web", "apollographql-client-version": "1.4.2" }),
      viewer: null,
      ip: "::1",
    });
    expect(web).toMatchObject({ appName: "bazaar-web", appVersion: "1.4.2", firstParty: true });
    const other = identifier.identify({
      header: headers({ "apollographql-client-name": "curl" }),
      viewer: null,
      ip: "::1",
    });
    expect(other.firstParty).toBe(false);
    const junk = identifier.identify({
      header: headers({ "apollographql-client-name": "x\u0000y" }),
      viewer: null,
      ip: "::1",
    });
    expect(junk.appName).toBeUndefined();
  });
});

describe("partner keys", () => {
  it("finds the partner whose hash matches and nothing for other keys", () => {
    const keys = new PartnerKeys(config.partners);
    expect(keys.find("globex-secret-key")?.name).toBe("globex");
    expect(keys.find("globex-secret-key ")).toBeUndefined();
    expect(keys.find("")).toBeUndefined();
  });

  it("refuses two partners with one name (they would share a bucket)", () => {
    const [first] = config.partners;
    if (!first) throw new Error("fixture");
    expect(() => new PartnerKeys([first, first])).toThrow(/unique/);
  });
});
