import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "./harness";
import { type ListingWorld, startListing } from "./product-listing.fixtures";

let world: ListingWorld;
beforeAll(async () => {
  world = await startListing();
});
afterAll(() => world?.catalog.stop());

describe("products sorting and pagination", () => {
  it.each(["NEWEST", "PRICE_ASC", "PRICE_DESC", "RATING", "POPULARITY"] as const)(
    "%s visits every active product exactly once, in order, ties broken by id",
    async (sort) => {
      const want = world.expected({}, sort);
      expect(want).toHaveLength(27);
      expect(await world.walk({}, sort)).toEqual(want);
      expect(await world.walk({}, sort, 1)).toEqual(want);
    },
  );

  it("sorts newest first by default", async () => {
    const { page } = await world.list({ first: 100 });
    expect(page?.edges.map((e) => e.node.id)).toEqual(world.expected({}, "NEWEST"));
  });
});

describe("products paging arguments", () => {
  it.each([0, 101, -3])("rejects first=%s", async (first) => {
    const { errors } = await world.list({ first });
    expect(errorCode({ errors })).toBe("BAD_USER_INPUT");
  });

  it("accepts first=100", async () => {
    const { page } = await world.list({ first: 100 });
    expect(page?.edges).toHaveLength(27);
  });

  it.each([
    ["not base64 json at all", "nope"],
    ["a cursor of another kind", Buffer.from(JSON.stringify(["x"])).toString("base64url")],
    ["a forged sort key", Buffer.from(JSON.stringify(["NEWEST", "yesterday", "prd_1"])).toString("base64url")],
    [
      "an impossible date",
      Buffer.from(JSON.stringify(["NEWEST", "2026-02-31 00:00:00+00", "prd_1"])).toString("base64url"),
    ],
  ])("rejects %s as a malformed cursor", async (_, after) => {
    const { errors } = await world.list({ after });
    expect(errorCode({ errors })).toBe("BAD_USER_INPUT");
  });

  it("rejects a cursor issued for another sort", async () => {
    const newest = (await world.list({ first: 2, sort: "NEWEST" })).page?.pageInfo.endCursor;
    const byPrice = await world.list({ first: 2, sort: "PRICE_ASC", after: newest });
    expect(errorCode({ errors: byPrice.errors })).toBe("BAD_USER_INPUT");
    expect(byPrice.errors?.[0]?.message).toMatch(/NEWEST/);
    const rating = (await world.list({ first: 2, sort: "RATING" })).page?.pageInfo.endCursor;
    const byPopularity = await world.list({ sort: "POPULARITY", after: rating });
    expect(errorCode({ errors: byPopularity.errors })).toBe("BAD_USER_INPUT");
  });
});
