import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageSize, toConnection } from "./connection";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
  return undefined;
};

describe("cursors", () => {
  it("round-trip the sort key values they encode", () => {
    const cursor = encodeCursor([1999, "prd_1", null]);
    expect(decodeCursor(cursor, 3)).toEqual([1999, "prd_1", null]);
  });

  it("are opaque: not readable as plain JSON", () => {
    expect(() => JSON.parse(encodeCursor(["a"]))).toThrow();
  });

  it.each([["not base64 json"], [encodeCursor(["only-one"])], [Buffer.from('{"a":1}').toString("base64url")]])(
    "reject anything they did not produce for this ordering (%s) as BAD_USER_INPUT",
    (cursor) => {
      expect(codeOf(() => decodeCursor(cursor, 2))).toBe("BAD_USER_INPUT");
    },
  );
});

describe("page size", () => {
  it("defaults to 20 and accepts 1..100", () => {
    expect(pageSize({})).toBe(20);
    expect(pageSize({ first: 1 })).toBe(1);
    expect(pageSize({ first: 100 })).toBe(100);
  });

  it.each([0, -1, 101, 2.5])("refuses first=%s with BAD_USER_INPUT", (first) => {
    expect(codeOf(() => pageSize({ first }))).toBe("BAD_USER_INPUT");
  });
});

describe("toConnection", () => {
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];

  it("uses the extra fetched row only to know that a next page exists", () => {
    const connection = toConnection(rows, { first: 2, cursorOf: (r) => [r.id], totalCount: 3 });
    expect(connection.edges.map((e) => e.node.id)).toEqual(["a", "b"]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.hasPreviousPage).toBe(false);
    expect(connection.pageInfo.endCursor).toBe(encodeCursor(["b"]));
  });

  it("reports the last page and an empty page", () => {
    const last = toConnection(rows, { first: 3, after: encodeCursor(["z"]), cursorOf: (r) => [r.id], totalCount: 3 });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = toConnection([], { first: 3, cursorOf: (r: { id: string }) => [r.id], totalCount: 0 });
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

describe("totalCount", () => {
  it("is computed only when awaited, and only once", async () => {
    let runs = 0;
    const connection = toConnection([], {
      first: 1,
      cursorOf: (r: { id: string }) => [r.id],
      totalCount: async () => {
        runs += 1;
        return 7;
      },
    });
    expect(runs).toBe(0);
    expect(await connection.totalCount).toBe(7);
    expect(await connection.totalCount).toBe(7);
    expect(runs).toBe(1);
  });
});
