import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Catalog, type Client, errorCode, startCatalog } from "./harness";
import { CREATE, mutate, type ProductShape, people, productInput, SELLER_A, SELLER_B, UPDATE } from "./product-write.fixtures";

let catalog: Catalog;
let categoryId: string;
let sellerA: Client;
let shirt: ProductShape;

beforeAll(async () => {
  catalog = await startCatalog();
  categoryId = (await catalog.fixtures.category({ name: "Shirts", slug: "shirts" })).id;
  await catalog.fixtures.product({ slug: "other-slug", sellerId: SELLER_B, variants: [{ sku: "OTHER-SKU", price: 100 }] });
  sellerA = await catalog.as(people.sellerA);
});
afterAll(() => catalog?.stop());

beforeEach(async () => {
  const { product } = await mutate(sellerA, CREATE, productInput(categoryId, { status: "ACTIVE" }));
  if (!product) throw new Error("fixture product not created");
  shirt = product;
});

const [small, medium] = [0, 1];
const stored = async (id: string) =>
  (await catalog.db.select().from(tables.products).where(eq(tables.products.id, id)))[0];

describe("updateProduct", () => {
  it("changes fields and variants, keeps the price range in step with the variants", async () => {
    const { userErrors, product } = await mutate(sellerA, UPDATE, {
      id: shirt.id,
      title: "Linen Shirt, relaxed",
      brand: "Flax",
      updateVariants: [{ id: shirt.variants[small]!.id, price: 2500, title: "Small white" }],
      removeVariantIds: [shirt.variants[medium]!.id],
      addVariants: [{ sku: `${shirt.variants[medium]!.sku}-NEW`, price: 9900, stock: 2, optionValues: [{ name: "size", value: "M" }, { name: "colour", value: "white" }] }],
    });
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({
      title: "Linen Shirt, relaxed",
      brand: "Flax",
      priceRange: { min: { amount: 2500 }, max: { amount: 9900 } },
    });
    expect(product?.variants.map((v) => [v.title, v.price.amount, v.stock])).toEqual([
      ["Small white", 2500, 4],
      ["M / white", 9900, 2],
    ]);
    const row = await stored(shirt.id);
    expect([row?.minPrice, row?.maxPrice]).toEqual([2500, 9900]);
  });

  it("lets two variants swap SKUs", async () => {
    const [a, b] = shirt.variants as [ProductShape["variants"][number], ProductShape["variants"][number]];
    const { userErrors, product } = await mutate(sellerA, UPDATE, {
      id: shirt.id,
      updateVariants: [
        { id: a.id, sku: b.sku },
        { id: b.id, sku: a.sku },
      ],
    });
    expect(userErrors).toEqual([]);
    expect(product?.variants.map((v) => v.sku)).toEqual([b.sku, a.sku]);
  });

  it("re-checks every variant against new options", async () => {
    const { userErrors } = await mutate(sellerA, UPDATE, { id: shirt.id, options: [{ name: "size", values: ["S", "M"] }] });
    expect(userErrors).toContainEqual(expect.objectContaining({ code: "OPTION_VALUES_MISMATCH", field: ["input", "options"] }));
  });

  it.each([
    ["an unknown product", () => ({ id: "prd_nope" }), "PRODUCT_NOT_FOUND", ["id"]],
    ["an unknown variant to change", () => ({ updateVariants: [{ id: "var_nope", price: 1 }] }), "VARIANT_NOT_FOUND", ["updateVariants", "0", "id"]],
    ["an unknown variant to remove", () => ({ removeVariantIds: ["var_nope"] }), "VARIANT_NOT_FOUND", ["removeVariantIds", "0"]],
    ["removing every variant", () => ({ removeVariantIds: shirt.variants.map((v) => v.id) }), "VARIANTS_REQUIRED", ["removeVariantIds"]],
    ["a removed title", () => ({ title: null }), "REQUIRED", ["title"]],
    ["a title over 200 characters", () => ({ title: "t".repeat(201) }), "TOO_LONG", ["title"]],
    ["a slug in use", () => ({ slug: "other-slug" }), "SLUG_TAKEN", ["slug"]],
    ["an unknown category", () => ({ categoryId: "cat_nope" }), "CATEGORY_NOT_FOUND", ["categoryId"]],
    ["another product's SKU", () => ({ updateVariants: [{ id: shirt.variants[0]!.id, sku: "OTHER-SKU" }] }), "SKU_TAKEN", ["updateVariants", "0", "sku"]],
    ["a new variant with a SKU in use", () => ({ addVariants: [{ sku: "OTHER-SKU", price: 1, optionValues: [{ name: "size", value: "M" }, { name: "colour", value: "white" }] }] }), "SKU_TAKEN", ["addVariants", "0", "sku"]],
    ["a price above the compare-at price", () => ({ updateVariants: [{ id: shirt.variants[medium]!.id, price: 5001 }] }), "INVALID_COMPARE_AT_PRICE", ["updateVariants", "0", "compareAtPrice"]],
    ["a negative price", () => ({ updateVariants: [{ id: shirt.variants[0]!.id, price: -1 }] }), "INVALID_PRICE", ["updateVariants", "0", "price"]],
  ])("refuses %s and changes nothing", async (_case, change, code, field) => {
    const before = await stored(shirt.id);
    const { userErrors, product } = await mutate(sellerA, UPDATE, { id: shirt.id, title: "Should not stick", ...change() });
    expect(product).toBeNull();
    expect(userErrors).toContainEqual(expect.objectContaining({ code, field: ["input", ...field] }));
    expect(await stored(shirt.id)).toEqual(before);
  });
});

describe("who may update", () => {
  it("refuses another seller with FORBIDDEN and anonymous callers with UNAUTHENTICATED; an admin may", async () => {
    const input = { input: { id: shirt.id, title: "Hijacked" } };
    const sellerB = await catalog.as(people.sellerB);
    expect(errorCode((await sellerB(UPDATE, input)).body)).toBe("FORBIDDEN");
    expect(errorCode((await catalog.gql(UPDATE, input)).body)).toBe("UNAUTHENTICATED");
    expect((await stored(shirt.id))?.title).toBe("Linen Shirt");
    const admin = await catalog.as(people.admin);
    const { product } = await mutate(admin, UPDATE, { id: shirt.id, title: "Fixed by staff" });
    expect(product?.title).toBe("Fixed by staff");
    expect((await stored(shirt.id))?.sellerId).toBe(SELLER_A);
  });
});
