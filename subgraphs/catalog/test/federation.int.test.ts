import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, errorCode, startCatalog } from "./harness";

let catalog: Catalog;
const ids = { category: "", product: "", archived: "", variant: "", review: "" };

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Product { title status }
  ... on ProductVariant { sku inStock product { title } }
  ... on Category { name productCount }
  ... on Review { rating title author { id } product { title } }
} }`;

beforeAll(async () => {
  catalog = await startCatalog();
  const { fixtures } = catalog;
  const tools = await fixtures.category({ name: "Tools", slug: "tools" });
  const hammer = await fixtures.product({
    title: "Hammer",
    categoryId: tools.id,
    sellerId: "sel_forge",
    createdAt: "2026-02-01 00:00:00+00",
    variants: [{ sku: "HAM-1", price: 1200, stock: 0 }],
    reviews: [{ rating: 4, title: "Solid", authorId: "usr_ann", createdAt: "2026-02-02 00:00:00+00" }],
  });
  await fixtures.product({
    title: "Saw",
    categoryId: tools.id,
    sellerId: "sel_forge",
    createdAt: "2026-02-03 00:00:00+00",
    reviews: [{ rating: 5, title: "Sharp", authorId: "usr_ann", createdAt: "2026-02-04 00:00:00+00" }],
  });
  await fixtures.product({
    title: "Drill",
    categoryId: tools.id,
    sellerId: "sel_forge",
    createdAt: "2026-02-05 00:00:00+00",
  });
  const archived = await fixtures.product({ title: "Old anvil", status: "ARCHIVED", sellerId: "sel_forge" });
  Object.assign(ids, {
    category: tools.id,
    product: hammer.id,
    archived: archived.id,
    variant: hammer.variants[0]?.id,
    review: hammer.reviews[0]?.id,
  });
});
afterAll(() => catalog?.stop());

describe("_entities", () => {
  it("resolves each owned entity type by id, and null for unknown ids", async () => {
    const reps = [
      { __typename: "Product", id: ids.product },
      { __typename: "ProductVariant", id: ids.variant },
      { __typename: "Category", id: ids.category },
      { __typename: "Review", id: ids.review },
      { __typename: "Product", id: "prd_unknown" },
      { __typename: "ProductVariant", id: "var_unknown" },
      { __typename: "Category", id: "cat_unknown" },
      { __typename: "Review", id: "rev_unknown" },
    ];
    const res = await catalog.gql(ENTITIES, { reps });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._entities).toEqual([
      { title: "Hammer", status: "ACTIVE" },
      { sku: "HAM-1", inStock: false, product: { title: "Hammer" } },
      { name: "Tools", productCount: 3 },
      { rating: 4, title: "Solid", author: { id: "usr_ann" }, product: { title: "Hammer" } },
      null,
      null,
      null,
      null,
    ]);
  });

  it("resolves a product that is no longer active, since other subgraphs still point at it", async () => {
    const res = await catalog.gql(ENTITIES, { reps: [{ __typename: "Product", id: ids.archived }] });
    expect(res.body.data?._entities).toEqual([{ title: "Old anvil", status: "ARCHIVED" }]);
  });
});

describe("Seller.products", () => {
  const SELLER = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Seller {
    id products(first: 2, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } } } }`;
  type SellerPage = {
    id: string;
    products: {
      totalCount: number;
      edges: { node: { title: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };
  const sellers = async (reps: { __typename: string; id: string }[], after: string | null = null) => {
    const res = await catalog.gql<{ _entities: SellerPage[] }>(SELLER, { reps, after });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!._entities;
  };

  it("lists the seller's active products newest first, across pages", async () => {
    const [first] = await sellers([{ __typename: "Seller", id: "sel_forge" }]);
    expect(first?.products.edges.map((e) => e.node.title)).toEqual(["Drill", "Saw"]);
    expect(first?.products.totalCount).toBe(3);
    const [second] = await sellers([{ __typename: "Seller", id: "sel_forge" }], first?.products.pageInfo.endCursor);
    expect(second?.products.edges.map((e) => e.node.title)).toEqual(["Hammer"]);
    expect(second?.products.pageInfo.hasNextPage).toBe(false);
  });

  it("gives a seller catalog knows nothing about an empty connection", async () => {
    const [unknown] = await sellers([{ __typename: "Seller", id: "sel_unknown" }]);
    expect(unknown).toEqual({
      id: "sel_unknown",
      products: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it("accepts cursors from products(sort: NEWEST), which uses the same order", async () => {
    const listed = await catalog.gql<{ products: { pageInfo: { endCursor: string } } }>(
      `query($seller: ID) { products(first: 1, filter: { sellerId: $seller }) { pageInfo { endCursor } } }`,
      { seller: "sel_forge" },
    );
    const after = listed.body.data?.products.pageInfo.endCursor ?? null;
    const [page] = await sellers([{ __typename: "Seller", id: "sel_forge" }], after);
    expect(page?.products.edges.map((e) => e.node.title)).toEqual(["Saw", "Hammer"]);
  });

  it("rejects a malformed cursor and an out-of-range page size", async () => {
    const reps = [{ __typename: "Seller", id: "sel_forge" }];
    expect(errorCode((await catalog.gql(SELLER, { reps, after: "nope" })).body)).toBe("BAD_USER_INPUT");
    const tooMany = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Seller { products(first: 0) { totalCount } } } }`;
    expect(errorCode((await catalog.gql(tooMany, { reps })).body)).toBe("BAD_USER_INPUT");
  });
});

describe("User.reviews", () => {
  it("lists what the user wrote, newest first, with a count", async () => {
    const res = await catalog.gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
        id reviews { totalCount edges { node { title product { title } } } } } } }`,
      {
        reps: [
          { __typename: "User", id: "usr_ann" },
          { __typename: "User", id: "usr_nobody" },
        ],
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._entities).toEqual([
      {
        id: "usr_ann",
        reviews: {
          totalCount: 2,
          edges: [
            { node: { title: "Sharp", product: { title: "Saw" } } },
            { node: { title: "Solid", product: { title: "Hammer" } } },
          ],
        },
      },
      { id: "usr_nobody", reviews: { totalCount: 0, edges: [] } },
    ]);
  });
});
