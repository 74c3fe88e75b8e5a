import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, type Client, errorCode, startCatalog } from "./harness";
import { ARCHIVE, CREATE, mutate, people, productInput, SELLER_A, SET_STOCK } from "./product-write.fixtures";

let catalog: Catalog;
let categoryId: string;
let sellerA: Client;

beforeAll(async () => {
  catalog = await startCatalog();
  categoryId = (await catalog.fixtures.category({ name: "Shirts", slug: "shirts" })).id;
  await catalog.fixtures.sellerListing(SELLER_A, true);
  sellerA = await catalog.as(people.sellerA);
});
afterAll(() => catalog?.stop());

async function activeShirt() {
  const { product } = await mutate(sellerA, CREATE, productInput(categoryId, { status: "ACTIVE" }));
  if (!product) throw new Error("fixture product not created");
  return product;
}

const PUBLIC = `query($id: ID!, $slug: String!, $seller: [_Any!]!) {
  product(id: $id) { id } bySlug: product(slug: $slug) { id }
  products(first: 100) { edges { node { id } } }
  categories { productCount }
  _entities(representations: $seller) { ... on Seller { products(first: 100) { edges { node { id } } } } } }`;

describe("archiveProduct", () => {
  it("takes the product off every public list; entity lookups still resolve it", async () => {
    const shirt = await activeShirt();
    const vars = { id: shirt.id, slug: shirt.slug, seller: [{ __typename: "Seller", id: SELLER_A }] };
    const before = await catalog.gql(PUBLIC, vars);
    expect(JSON.stringify(before.body.data)).toContain(shirt.id);

    const { userErrors, product } = await mutate(sellerA, ARCHIVE, { id: shirt.id });
    expect(userErrors).toEqual([]);
    expect(product?.status).toBe("ARCHIVED");
    const after = await catalog.gql<{ categories: { productCount: number }[] }>(PUBLIC, vars);
    expect(JSON.stringify(after.body.data)).not.toContain(shirt.id);
    expect(after.body.data?.categories[0]?.productCount).toBe(0);
    const entity = await catalog.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { status } } }`, {
      r: [{ __typename: "Product", id: shirt.id }],
    });
    expect(entity.body.data).toEqual({ _entities: [{ status: "ARCHIVED" }] });
    // Idempotent.
    expect((await mutate(sellerA, ARCHIVE, { id: shirt.id })).product?.status).toBe("ARCHIVED");
  });

  it("answers PRODUCT_NOT_FOUND, FORBIDDEN and UNAUTHENTICATED as updateProduct does", async () => {
    expect((await mutate(sellerA, ARCHIVE, { id: "prd_nope" })).userErrors).toEqual([
      expect.objectContaining({ code: "PRODUCT_NOT_FOUND", field: ["input", "id"] }),
    ]);
    const shirt = await activeShirt();
    const sellerB = await catalog.as(people.sellerB);
    expect(errorCode((await sellerB(ARCHIVE, { input: { id: shirt.id } })).body)).toBe("FORBIDDEN");
    expect(errorCode((await catalog.gql(ARCHIVE, { input: { id: shirt.id } })).body)).toBe("UNAUTHENTICATED");
  });
});

describe("setStock", () => {
  it("sets the units available to sell, for the owner or an admin", async () => {
    const shirt = await activeShirt();
    const variantId = shirt.variants[0]!.id;
    const own = await sellerA(SET_STOCK, { input: { variantId, stock: 0 } });
    expect(own.body.data).toEqual({ setStock: { userErrors: [], variant: { id: variantId, stock: 0, inStock: false } } });
    const admin = await catalog.as(people.admin);
    const staff = await admin(SET_STOCK, { input: { variantId, stock: 12 } });
    expect(staff.body.data).toMatchObject({ setStock: { variant: { stock: 12, inStock: true } } });
  });

  it.each([
    ["negative stock", "INVALID_STOCK", (id: string) => ({ variantId: id, stock: -1 }), ["stock"]],
    ["an unknown variant", "VARIANT_NOT_FOUND", () => ({ variantId: "var_nope", stock: 1 }), ["variantId"]],
  ])("refuses %s with %s", async (_case, code, input, field) => {
    const shirt = await activeShirt();
    const res = await sellerA<{ setStock: unknown }>(SET_STOCK, { input: input(shirt.variants[0]!.id) });
    expect(res.body.data?.setStock).toEqual({ userErrors: [expect.objectContaining({ code, field: ["input", ...field] })], variant: null });
  });

  it("refuses other sellers and anonymous callers", async () => {
    const shirt = await activeShirt();
    const input = { input: { variantId: shirt.variants[0]!.id, stock: 99 } };
    const sellerB = await catalog.as(people.sellerB);
    expect(errorCode((await sellerB(SET_STOCK, input)).body)).toBe("FORBIDDEN");
    expect(errorCode((await catalog.gql(SET_STOCK, input)).body)).toBe("UNAUTHENTICATED");
  });
});
