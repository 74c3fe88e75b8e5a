import type { Viewer } from "@bazaar/auth";
import { describe, expect, it } from "vitest";
import { resolveProtectionConfig } from "../protection/config";
import type { ClientIdentity } from "./identity";
import { sha256Hex } from "./partner-keys";
import { OperationManifest } from "./persisted-manifest";
import { Safelist } from "./safelist";

const body = "query Home { products { totalCount } }";
const manifest = OperationManifest.from({ operations: [{ id: sha256Hex(body), name: "Home", body }] });
const safelist = (settings: { enabled?: boolean; allowUnlistedClients?: boolean } = {}) =>
  new Safelist(manifest, resolveProtectionConfig({ safelist: { enabled: true, ...settings } }).safelist);

const client = (patch: Partial<ClientIdentity>): ClientIdentity => ({
  kind: "anonymous",
  bucket: "ip:1",
  quota: 1,
  firstParty: false,
  ...patch,
});
const web = client({ appName: "bazaar-web", firstParty: true });
const analyst: Viewer = { userId: "u", roles: ["ANALYST"], sellerId: null, tokenId: "t", expiresAt: new Date() };
const code = (error: unknown) => (error as { extensions?: { code?: string } } | undefined)?.extensions?.code;

describe("the safelist", () => {
  it("lets first-party clients run manifest operations only", () => {
    expect(safelist().check(web, null, sha256Hex(body))).toBeUndefined();
    expect(code(safelist().check(web, null, sha256Hex("{ me { id } }")))).toBe("OPERATION_NOT_IN_SAFELIST");
  });

  it("lets partners and analysts run anything", () => {
    expect(safelist().check(client({ kind: "partner", partner: "acme" }), null, "x")).toBeUndefined();
    expect(safelist().check(web, analyst, "x")).toBeUndefined();
  });

  it("holds clients that name no first-party app to the manifest unless allowed", () => {
    expect(code(safelist().check(client({}), null, "x"))).toBe("OPERATION_NOT_IN_SAFELIST");
    expect(safelist({ allowUnlistedClients: true }).check(client({}), null, "x")).toBeUndefined();
    expect(code(safelist({ allowUnlistedClients: true }).check(web, null, "x"))).toBe("OPERATION_NOT_IN_SAFELIST");
  });

  it("checks nothing when disabled, and serves manifest bodies by id", () => {
    expect(safelist({ enabled: false }).check(web, null, "x")).toBeUndefined();
    expect(safelist().bodyFor(sha256Hex(body))).toBe(body);
    expect(safelist().bodyFor("0".repeat(64))).toBeUndefined();
  });
});
