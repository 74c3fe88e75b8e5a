import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([50, 95, 99, 100].map((p) => percentile(sorted, p))).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  it("summarizes unsorted samples", () => {
    expect(summarize("x", [3, 1, 2, 4])).toEqual({ name: "x", samples: 4, p50: 2, p95: 4, p99: 4, mean: 2.5 });
  });
});
