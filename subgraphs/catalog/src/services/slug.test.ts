import { describe, expect, it } from "vitest";
import { slugify, suffixed } from "./slug";

describe("slugify", () => {
  it.each([
    ["Café Lamp (Black)", "cafe-lamp-black"],
    ["  --Hello,   World!--  ", "hello-world"],
    ["日本語", "product"],
    ["A".repeat(300), "a".repeat(80)],
  ])("turns %j into %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("keeps a suffixed slug URL-safe", () => {
    expect(suffixed("desk-lamp")).toMatch(/^desk-lamp-[0-9a-f]{6}$/);
  });
});
