import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, errorCode, startCatalog } from "./harness";

let catalog: Catalog;
let lamp: Awaited<ReturnType<Catalog["fixtures"]["product"]>>;

beforeAll(async () => {
  catalog = await startCatalog();
  const { fixtures } = catalog;
  const lighting = await fixtures.category({ name: "Lighting", slug: "lighting" });
  lamp = await fixtures.product({
    title: "Desk lamp",
    slug: "desk-lamp",
    sellerId: "sel_lumen",
    categoryId: lighting.id,
    brand: "Lumen",
    description: "A lamp for desks.",
    images: [{ url: "https://img.example/lamp.jpg", alt: "Lamp" }],
    attributes: [{ key: "material", value: "steel" }],
    options: [{ name: "colour", values: ["black", "white"] }],
    variants: [
      { sku: "LAMP-WHT", price: 4500, stock: 0, position: 1, optionValues: [{ name: "colour", value: "white" }] },
      {
        sku: "LAMP-BLK",
        price: 3900,
        compareAtPrice: 4900,
        stock: 3,
        weightGrams: 1200,
        position: 0,
        optionValues: [{ name: "colour", value: "black" }],
      },
    ],
    reviews: [
      { rating: 5, title: "oldest", createdAt: "2026-01-01 10:00:00.000001+00" },
      { rating: 4, title: "middle", createdAt: "2026-01-01 10:00:00.000002+00" },
      { rating: 3, title: "newest", createdAt: "2026-01-01 10:00:00.000003+00" },
    ],
  });
  await fixtures.product({ slug: "draft-lamp", status: "DRAFT" });
  await fixtures.product({ slug: "archived-lamp", status: "ARCHIVED" });
});
afterAll(() => catalog?.stop());

const PRODUCT = `
  id title slug description brand status images { url alt } attributes { key value } options { name values }
  priceRange { min { amount currencyCode } max { amount currencyCode } } rating { average count }
  seller { id } category { name slug }
  variants { sku price { amount } compareAtPrice { amount } stock inStock weightGrams optionValues { name value } }`;

describe("product lookup", () => {
  it("finds an active product by slug with its details, variants in display order", async () => {
    const res = await catalog.gql(`{ product(slug: "desk-lamp") { ${PRODUCT} } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.product).toEqual({
      id: lamp.id,
      title: "Desk lamp",
      slug: "desk-lamp",
      description: "A lamp for desks.",
      brand: "Lumen",
      status: "ACTIVE",
      images: [{ url: "https://img.example/lamp.jpg", alt: "Lamp" }],
      attributes: [{ key: "material", value: "steel" }],
      options: [{ name: "colour", values: ["black", "white"] }],
      priceRange: { min: { amount: 3900, currencyCode: "USD" }, max: { amount: 4500, currencyCode: "USD" } },
      rating: { average: 4, count: 3 },
      seller: { id: "sel_lumen" },
      category: { name: "Lighting", slug: "lighting" },
      variants: [
        {
          sku: "LAMP-BLK",
          price: { amount: 3900 },
          compareAtPrice: { amount: 4900 },
          stock: 3,
          inStock: true,
          weightGrams: 1200,
          optionValues: [{ name: "colour", value: "black" }],
        },
        {
          sku: "LAMP-WHT",
          price: { amount: 4500 },
          compareAtPrice: null,
          stock: 0,
          inStock: false,
          weightGrams: null,
          optionValues: [{ name: "colour", value: "white" }],
        },
      ],
    });
  });

  it("finds the same product by id", async () => {
    const res = await catalog.gql(`query($id: ID!) { product(id: $id) { slug } }`, { id: lamp.id });
    expect(res.body.data).toEqual({ product: { slug: "desk-lamp" } });
  });

  it.each(["draft-lamp", "archived-lamp", "no-such-lamp"])("shows nothing for %s", async (slug) => {
    const res = await catalog.gql(`query($slug: String!) { product(slug: $slug) { id } }`, { slug });
    expect(res.body).toEqual({ data: { product: null } });
  });

  it("hides a product that is not active when looked up by id too", async () => {
    const draft = await catalog.fixtures.product({ status: "DRAFT" });
    const res = await catalog.gql(`query($id: ID!) { product(id: $id) { id } }`, { id: draft.id });
    expect(res.body).toEqual({ data: { product: null } });
  });

  it.each([
    ["neither", "{ product { id } }"],
    ["both", `{ product(id: "x", slug: "desk-lamp") { id } }`],
  ])("needs exactly one of id or slug (%s given)", async (_, query) => {
    const res = await catalog.gql(query);
    expect(errorCode(res.body)).toBe("BAD_USER_INPUT");
  });
});

describe("product reviews", () => {
  const REVIEWS = `query($slug: String!, $after: String) { product(slug: $slug) {
    reviews(first: 2, after: $after) { totalCount edges { cursor node { title rating createdAt author { id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
  type Page = {
    totalCount: number;
    edges: { node: { title: string; createdAt: string; author: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
  const page = async (after: string | null) => {
    const res = await catalog.gql<{ product: { reviews: Page } }>(REVIEWS, { slug: "desk-lamp", after });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.product.reviews;
  };

  it("lists newest first across pages, even when they differ by microseconds only", async () => {
    const first = await page(null);
    expect(first.edges.map((e) => e.node.title)).toEqual(["newest", "middle"]);
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.title)).toEqual(["oldest"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges[0]?.node).toMatchObject({
      author: { id: lamp.reviews[0]?.authorId },
      createdAt: "2026-01-01T10:00:00.000Z",
    });
  });

  it("rejects a malformed review cursor", async () => {
    const res = await catalog.gql(REVIEWS, { slug: "desk-lamp", after: "garbage" });
    expect(errorCode(res.body)).toBe("BAD_USER_INPUT");
    const forged = Buffer.from(JSON.stringify(["yesterday", "rev_1"])).toString("base64url");
    expect(errorCode((await catalog.gql(REVIEWS, { slug: "desk-lamp", after: forged })).body)).toBe("BAD_USER_INPUT");
  });
});
