import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "./harness";
import { type Filter, type ListingWorld, startListing } from "./product-listing.fixtures";

let world: ListingWorld;
beforeAll(async () => {
  world = await startListing();
});
afterAll(() => world?.catalog.stop());

describe("products filters", () => {
  const cases: [string, () => Filter][] = [
    ["a root category includes its descendants", () => ({ categoryId: world.ids.electronics })],
    ["a middle category includes its subtree only", () => ({ categoryId: world.ids.phones })],
    ["an unknown category matches nothing", () => ({ categoryId: "cat_nope" })],
    ["a seller", () => ({ sellerId: "sel_b" })],
    ["a price range", () => ({ priceMin: 2500, priceMax: 2550 })],
    ["a minimum price only", () => ({ priceMin: 4000 })],
    ["a maximum price only", () => ({ priceMax: 999 })],
    ["in stock", () => ({ inStock: true })],
    ["out of stock", () => ({ inStock: false })],
    ["all at once", () => ({ categoryId: world.ids.electronics, sellerId: "sel_a", priceMax: 2000, inStock: true })],
  ];

  it.each(cases)("%s", async (_, filterOf) => {
    const filter = filterOf();
    expect(await world.walk(filter, "NEWEST", 3)).toEqual(world.expected(filter, "NEWEST"));
  });

  it("matches a price range only when some variant price lies in it, not when min..max merely spans it", async () => {
    const spanning = world.active.filter((p) => p.prices.includes(1000) && p.prices.includes(5000)).map((p) => p.id);
    expect(spanning.length).toBeGreaterThan(0);
    const listed = await world.walk({ priceMin: 2500, priceMax: 2550 }, "NEWEST");
    expect(listed.length).toBeGreaterThan(0);
    for (const id of spanning) expect(listed).not.toContain(id);
  });

  it("combines a filter with another sort", async () => {
    const filter = { categoryId: world.ids.phones, inStock: true };
    expect(await world.walk(filter, "PRICE_ASC", 2)).toEqual(world.expected(filter, "PRICE_ASC"));
  });
});

describe("products price filter validation", () => {
  it.each([
    [{ priceMin: -1 }, "filter.priceMin"],
    [{ priceMax: -1 }, "filter.priceMax"],
    [{ priceMin: 500, priceMax: 499 }, "filter.priceMin"],
  ])("rejects %o naming %s", async (filter, field) => {
    const { errors } = await world.list({ filter });
    expect(errorCode({ errors })).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.extensions?.field).toBe(field);
    expect(errors?.[0]?.message).toContain(field);
  });
});
