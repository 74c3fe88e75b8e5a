import { describe, expect, it } from "vitest";
import { defaultSupergraphPath, loadEnv, subgraphUrlOverrides } from "./env";

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
