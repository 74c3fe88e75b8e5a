import { tables } from "@bazaar/drizzle";
import { describe, expect, it } from "vitest";
import { type KeysetOrder, keysCastable } from "./keyset.queries";

const order: KeysetOrder = {
  direction: "desc",
  keys: [
    { column: tables.products.createdAt, type: "timestamptz" },
    { column: tables.products.ratingAverage, type: "real" },
    { column: tables.products.popularity, type: "integer" },
    { column: tables.products.id, type: "text" },
  ],
};

describe("keysCastable", () => {
  it("accepts the text forms Postgres prints for each key type", () => {
    expect(keysCastable(order, ["2026-03-01 12:00:00.000001+00", "4.3333335", "7", "prd_1"])).toBe(true);
    expect(keysCastable(order, ["2026-03-01 12:00:00+05:30", "0", "-3", "prd_1"])).toBe(true);
  });

  it.each([
    ["an impossible date", ["2026-02-31 00:00:00+00", "4", "7", "prd_1"]],
    ["an hour out of range", ["2026-03-01 24:00:00+00", "4", "7", "prd_1"]],
    ["a word for a time", ["yesterday", "4", "7", "prd_1"]],
    ["a non-number", ["2026-03-01 12:00:00+00", "NaN", "7", "prd_1"]],
    ["an integer beyond int4", ["2026-03-01 12:00:00+00", "4", "2147483648", "prd_1"]],
    ["a number where text is due", ["2026-03-01 12:00:00+00", "4", "7", 1]],
    ["too few keys", ["2026-03-01 12:00:00+00", "4", "7"]],
  ])("refuses %s, so a forged cursor never reaches SQL", (_, values) => {
    expect(keysCastable(order, values)).toBe(false);
  });
});
