import { describe, expect, it } from "vitest";
import { boundedText, type Errors, isIdLike, path } from "./validation";

const check = (raw: string | null, max: number, options = {}) => {
  const errors: Errors = [];
  const value = boundedText(errors, "title", raw, max, options);
  return { value, codes: errors.map((e) => [e.code, e.field]) };
};

describe("boundedText", () => {
  it("trims, and counts characters as a person would (an emoji is one)", () => {
    expect(check("  café ☕  ", 6)).toEqual({ value: "café ☕", codes: [] });
    expect(check("😀".repeat(3), 3).codes).toEqual([]);
    expect(check("😀".repeat(4), 3).codes).toEqual([["TOO_LONG", ["input", "title"]]]);
  });

  it("requires a value unless optional, where blank is null", () => {
    expect(check("   ", 10).codes).toEqual([["REQUIRED", ["input", "title"]]]);
    expect(check(null, 10, { optional: true })).toEqual({ value: null, codes: [] });
  });

  it("refuses control characters, keeping line breaks only in multi-line text", () => {
    expect(check("a\nb", 10).codes).toEqual([["INVALID_CHARACTERS", ["input", "title"]]]);
    expect(check("a\r\n\tb", 10, { multiline: true }).codes).toEqual([]);
    expect(check("a\u0000b", 10, { multiline: true }).codes).toEqual([["INVALID_CHARACTERS", ["input", "title"]]]);
  });

  it("reports at a nested path when told", () => {
    expect(check("", 10, { at: ["variants", 2, "title"] }).codes).toEqual([["REQUIRED", ["input", "variants", "2", "title"]]]);
  });
});

describe("ids and paths", () => {
  it("accept printable opaque ids only", () => {
    expect(isIdLike("prd_01hv3abc")).toBe(true);
    expect(isIdLike("prd 1")).toBe(false);
    expect(isIdLike("x".repeat(65))).toBe(false);
  });

  it("prefix paths with input and stringify indexes", () => {
    expect(path("lines", 0, "quantity")).toEqual(["input", "lines", "0", "quantity"]);
  });
});
