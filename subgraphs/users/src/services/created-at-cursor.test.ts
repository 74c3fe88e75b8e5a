import { encodeCursor } from "@bazaar/subgraph-kit";
import { describe, expect, it } from "vitest";
import { decodeCreatedAtCursor } from "./created-at-cursor";

describe("newest-first cursors", () => {
  it("give back the timestamp text and id they were made from", () => {
    for (const key of ["2026-01-01 12:00:00+00", "2026-03-14 09:26:53.589793+00", "2026-07-01 23:59:59.1-05:30"]) {
      expect(decodeCreatedAtCursor(encodeCursor([key, "ntf_abc_1"]))).toEqual([key, "ntf_abc_1"]);
    }
  });

  it("refuse anything PostgreSQL would not cast, with BAD_USER_INPUT instead of a failing query", () => {
    const forged = [
      ["2026-13-01 10:00:00+00", "ntf_x"],
      ["2026-02-31 10:00:00+00", "ntf_x"],
      ["2026-01-01 24:00:00+00", "ntf_x"],
      ["2026-01-01 10:00:60+00", "ntf_x"],
      ["0000-01-01 10:00:00+00", "ntf_x"],
      ["2026-01-01 10:00:00+99", "ntf_x"],
      ["2026-01-01T10:00:00Z", "ntf_x"],
      ["2026-01-01 10:00:00+00", "not an id"],
      [1_700_000_000, "ntf_x"],
    ];
    for (const values of forged) {
      expect(() => decodeCreatedAtCursor(encodeCursor(values))).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
    expect(() => decodeCreatedAtCursor("garbage")).toThrow("Malformed cursor");
  });
});
