import { describe, expect, it } from "vitest";
import { ratios, targetFigures } from "./router-report";
import { withSubgraphUrls } from "./router-vs-gateway";

describe("targetFigures", () => {
  it("adds runs up: totals over total time and CPU, percentiles over every latency, each round's rate", () => {
    const figures = targetFigures("router", [
      { requests: 100, errors: 0, seconds: 10, cpuSeconds: 2, latenciesMs: [1, 2, 3] },
      { requests: 300, errors: 1, seconds: 10, cpuSeconds: 2, latenciesMs: [4, 5, 100] },
    ]);
    expect(figures).toMatchObject({ requests: 400, errors: 1, perSecond: 20, cpuSeconds: 4, perCpuSecond: 100 });
    expect(figures.p50).toBe(3);
    expect(figures.p99).toBe(100);
    expect(figures.rounds).toEqual([10, 30]);
  });
});

describe("ratios", () => {
  it("divides the router's throughput, and its throughput per CPU-second, by the stock gateway's", () => {
    const run = (requests: number, cpuSeconds: number) => ({
      requests,
      errors: 0,
      seconds: 10,
      cpuSeconds,
      latenciesMs: [1],
    });
    const r = ratios({
      query: "q",
      router: targetFigures("router", [run(300, 1)]),
      stock: targetFigures("stock", [run(200, 2)]),
    });
    expect(r.throughput).toBeCloseTo(1.5);
    expect(r.perCpu).toBeCloseTo(3);
  });
});

describe("withSubgraphUrls", () => {
  const sdl = `enum join__Graph {
  CATALOG @join__graph(name: "catalog", url: "http://localhost:4002/graphql")
  USERS @join__graph(name: "users", url: "http://localhost:4001/graphql")
}`;

  it("points each subgraph's @join__graph url where it really listens", () => {
    const text = withSubgraphUrls(sdl, { catalog: "http://127.0.0.1:5555/graphql" });
    expect(text).toContain('CATALOG @join__graph(name: "catalog", url: "http://127.0.0.1:5555/graphql")');
    expect(text).toContain('USERS @join__graph(name: "users", url: "http://localhost:4001/graphql")');
  });

  it("refuses a subgraph the supergraph does not have", () => {
    expect(() => withSubgraphUrls(sdl, { reviews: "http://127.0.0.1:1/graphql" })).toThrow(/reviews/);
  });
});
