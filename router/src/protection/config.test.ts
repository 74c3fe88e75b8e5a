import { describe, expect, it } from "vitest";
import { resolveProtectionConfig } from "./config";
import { protectionConfigFromEnv } from "./config-env";

const hash = "a".repeat(64);

describe("protection configuration", () => {
  it("defaults to the issue's limits", () => {
    expect(resolveProtectionConfig().limits).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxRootFields: 10,
      maxTokens: 2_000,
      maxCost: 5_000,
      maxBodyBytes: 102_400,
      maxIntrospectionDepth: 16,
    });
    expect(resolveProtectionConfig()).toMatchObject({
      cost: { objectFieldWeight: 1, scalarFieldWeight: 0, defaultListSize: 10, weights: {} },
      rateLimit: { enabled: true, windowMs: 60_000 },
      partners: [],
      safelist: { enabled: false, allowUnlistedClients: false },
      persistedQueries: { enabled: true },
    });
  });

  it("fills the rest of a partial configuration with defaults", () => {
    const config = resolveProtectionConfig({ limits: { maxDepth: 5 }, rateLimit: { windowMs: 1_000 } });
    expect(config.limits).toMatchObject({ maxDepth: 5, maxAliases: 15 });
    expect(config.rateLimit).toMatchObject({ windowMs: 1_000, anonymousQuota: 20_000 });
  });

  it("lists every invalid setting in one message", () => {
    expect(() =>
      resolveProtectionConfig({
        limits: { maxDepth: 0 },
        cost: { weights: { "not a coordinate": 1 } },
        partners: [{ name: "acme", keySha256: "xyz", quota: 10 }],
      }),
    ).toThrow(/limits\.maxDepth[\s\S]*cost\.weights[\s\S]*partners\.0\.keySha256/);
  });

  it("reads ROUTER_* environment variables over the defaults", () => {
    const config = protectionConfigFromEnv({
      ROUTER_MAX_DEPTH: "8",
      ROUTER_MAX_COST: "900",
      ROUTER_COST_WEIGHTS: '{"Query.search": 25, "Money": 0}',
      ROUTER_RATE_LIMIT: "off",
      ROUTER_PARTNER_KEYS: JSON.stringify([{ name: "acme", keySha256: hash.toUpperCase(), quota: 50_000 }]),
      ROUTER_SAFELIST: "on",
      ROUTER_FIRST_PARTY_CLIENTS: "bazaar-web, bazaar-ios",
    });
    expect(config.limits).toMatchObject({ maxDepth: 8, maxCost: 900, maxAliases: 15 });
    expect(config.cost.weights).toEqual({ "Query.search": 25, Money: 0 });
    expect(config.rateLimit.enabled).toBe(false);
    expect(config.partners).toEqual([{ name: "acme", keySha256: hash, quota: 50_000 }]);
    expect(config.safelist).toMatchObject({ enabled: true, firstPartyClients: ["bazaar-web", "bazaar-ios"] });
  });

  it("names the variable that is not a number or not JSON", () => {
    expect(() => protectionConfigFromEnv({ ROUTER_MAX_TOKENS: "lots" })).toThrow(/ROUTER_MAX_TOKENS/);
    expect(() => protectionConfigFromEnv({ ROUTER_PARTNER_KEYS: "[{" })).toThrow(/ROUTER_PARTNER_KEYS: expected JSON/);
  });

  it("is all defaults with no variables set", () => {
    expect(protectionConfigFromEnv({})).toEqual(resolveProtectionConfig());
  });
});
