import { describe, expect, it } from "vitest";
import { defaultSupergraphPath, loadEnv, parseArguments, subgraphTimeoutOverrides, subgraphUrlOverrides } from "./env";

describe("router configuration", () => {
  it("defaults to port 4000 and the committed supergraph", () => {
    expect(loadEnv({})).toMatchObject({ PORT: 4000, HOST: "127.0.0.1", SUPERGRAPH_PATH: defaultSupergraphPath });
    expect(defaultSupergraphPath).toMatch(/schema\/supergraph\.graphql$/);
  });

  it("maps SUBGRAPH_<NAME>_URL variables to subgraph names", () => {
    expect(
      subgraphUrlOverrides({
        SUBGRAPH_CATALOG_URL: "http://catalog.internal:8080/graphql",
        SUBGRAPH_USERS_URL: "https://users.internal/graphql",
        SUBGRAPH_EMPTY_URL: "",
        UNRELATED: "x",
      }),
    ).toEqual({ catalog: "http://catalog.internal:8080/graphql", users: "https://users.internal/graphql" });
  });

  it("names the variable whose URL is invalid", () => {
    expect(() => subgraphUrlOverrides({ SUBGRAPH_ORDERS_URL: "orders:4003" })).toThrow(/SUBGRAPH_ORDERS_URL/);
  });
});

describe("router operations configuration", () => {
  it("reads per-subgraph timeouts from SUBGRAPH_<NAME>_TIMEOUT_MS", () => {
    expect(subgraphTimeoutOverrides({ SUBGRAPH_SEARCH_TIMEOUT_MS: "2000", SUBGRAPH_TIMEOUT_MS: "100" })).toEqual({
      search: 2000,
    });
    expect(() => subgraphTimeoutOverrides({ SUBGRAPH_USERS_TIMEOUT_MS: "soon" })).toThrow(/SUBGRAPH_USERS_TIMEOUT_MS/);
  });

  it("defaults timeouts, size cap, reloads and one worker; GraphiQL follows NODE_ENV unless set", () => {
    expect(loadEnv({})).toMatchObject({
      SUBGRAPH_TIMEOUT_MS: 5_000,
      REQUEST_TIMEOUT_MS: 15_000,
      SUBGRAPH_MAX_RESPONSE_BYTES: 10 * 1024 * 1024,
      SUPERGRAPH_WATCH: true,
      ROUTER_WORKERS: 1,
    });
    expect(loadEnv({}).GRAPHIQL).toBeUndefined();
    expect(loadEnv({ GRAPHIQL: "true", ROUTER_WORKERS: "auto" })).toMatchObject({
      GRAPHIQL: true,
      ROUTER_WORKERS: "auto",
    });
  });

  it("takes the supergraph from --supergraph, as Apollo Router does", () => {
    expect(parseArguments([])).toEqual({});
    expect(parseArguments(["--supergraph", "/etc/bazaar/supergraph.graphql"])).toEqual({
      supergraphPath: "/etc/bazaar/supergraph.graphql",
    });
    expect(parseArguments(["--supergraph=next.graphql"])).toEqual({ supergraphPath: "next.graphql" });
    expect(() => parseArguments(["--supergrph", "x"])).toThrow(/usage: router \[--supergraph/);
  });
});
