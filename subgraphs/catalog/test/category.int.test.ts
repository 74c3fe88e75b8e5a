import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, startCatalog } from "./harness";

let catalog: Catalog;

beforeAll(async () => {
  catalog = await startCatalog();
  const { fixtures } = catalog;
  const home = await fixtures.category({ name: "Home", slug: "home", position: 1 });
  const kitchen = await fixtures.category({ name: "Kitchen", slug: "kitchen", parentId: home.id });
  const knives = await fixtures.category({ name: "Knives", slug: "knives", parentId: kitchen.id });
  const garden = await fixtures.category({ name: "Garden", slug: "garden", parentId: home.id, position: 1 });
  // Same position: name breaks the tie.
  await fixtures.category({ name: "Apparel", slug: "apparel" });
  await fixtures.category({ name: "Alpha", slug: "alpha" });
  for (const categoryId of [knives.id, knives.id, kitchen.id, home.id]) await fixtures.product({ categoryId });
  await fixtures.product({ categoryId: garden.id, status: "DRAFT" });
  await fixtures.product({ categoryId: knives.id, status: "ARCHIVED" });
});
afterAll(() => catalog?.stop());

describe("categories", () => {
  it("returns the roots in display order; children reach the rest of the tree", async () => {
    const res = await catalog.gql(`{ categories {
      name slug parent { name }
      children { name parent { name } children { name parent { name } children { name } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.categories).toEqual([
      { name: "Alpha", slug: "alpha", parent: null, children: [] },
      { name: "Apparel", slug: "apparel", parent: null, children: [] },
      {
        name: "Home",
        slug: "home",
        parent: null,
        children: [
          {
            name: "Kitchen",
            parent: { name: "Home" },
            children: [{ name: "Knives", parent: { name: "Kitchen" }, children: [] }],
          },
          { name: "Garden", parent: { name: "Home" }, children: [] },
        ],
      },
    ]);
  });

  it("counts active products in each category and all its descendants", async () => {
    const res = await catalog.gql(`{ categories { name productCount children { name productCount
      children { name productCount } } } }`);
    expect(res.body.data?.categories).toEqual([
      { name: "Alpha", productCount: 0, children: [] },
      { name: "Apparel", productCount: 0, children: [] },
      {
        name: "Home",
        productCount: 4,
        children: [
          { name: "Kitchen", productCount: 3, children: [{ name: "Knives", productCount: 2 }] },
          { name: "Garden", productCount: 0, children: [] },
        ],
      },
    ]);
  });

  it("costs a fixed number of statements per tree level, not per category", async () => {
    catalog.counter.reset();
    await catalog.gql(`{ categories { productCount children { productCount children { productCount } } } }`);
    // One for the roots, then per level one for its counts and one for the next level's children.
    expect(catalog.counter.count).toBe(6);
  });
});
