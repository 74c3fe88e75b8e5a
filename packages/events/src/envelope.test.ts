import { describe, expect, it } from "vitest";
import { newEventId, typeMatcher } from "./envelope";

describe("event ids", () => {
  it("are UUIDv7 strings that sort in creation order, also within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newEventId(1_800_000_000_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("type patterns", () => {
  it("match exact types, `*` globs and lists, treating every other character literally", () => {
    expect(typeMatcher("order.paid")("order.paid")).toBe(true);
    expect(typeMatcher("order.paid")("orderXpaid")).toBe(false);
    expect(typeMatcher("order.*")("order.fulfillment.shipped")).toBe(true);
    expect(typeMatcher("order.*")("orders.paid")).toBe(false);
    expect(typeMatcher("*")("anything")).toBe(true);
    expect(typeMatcher(["seller.approved", "seller.rejected"])("seller.rejected")).toBe(true);
    expect(typeMatcher([])("order.paid")).toBe(false);
  });
});
