import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("is prefixed, URL-safe and unique", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId("prd")));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^prd_[0-9a-z]{26}$/);
  });

  it("sorts by creation time", () => {
    expect(newId("ord", 1_000) < newId("ord", 2_000)).toBe(true);
  });
});
