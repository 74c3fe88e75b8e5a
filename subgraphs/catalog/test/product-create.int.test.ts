import { tables } from "@bazaar/drizzle";
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, type Client, errorCode, startCatalog } from "./harness";
import { CREATE, mutate, people, productInput, SELLER_A, SELLER_B } from "./product-write.fixtures";

let catalog: Catalog;
let categoryId: string;
let sellerA: Client;
let admin: Client;

beforeAll(async () => {
  catalog = await startCatalog();
  categoryId = (await catalog.fixtures.category({ name: "Shirts", slug: "shirts" })).id;
  await catalog.fixtures.sellerListing(SELLER_A, true);
  await catalog.fixtures.product({ slug: "taken-slug", sellerId: SELLER_B, variants: [{ sku: "TAKEN-SKU", price: 100 }] });
  sellerA = await catalog.as(people.sellerA);
  admin = await catalog.as(people.admin);
});
afterAll(() => catalog?.stop());

const productCount = async () => (await catalog.db.select({ n: count() }).from(tables.products))[0]?.n;

describe("createProduct", () => {
  it("lists a product under the seller's own store, with a slug from the title and the price range of its variants", async () => {
    const { userErrors, product } = await mutate(sellerA, CREATE, productInput(categoryId, { title: "Café Linen Shirt" }));
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({
      title: "Café Linen Shirt",
      slug: "cafe-linen-shirt",
      status: "DRAFT",
      sellerId: { id: SELLER_A },
      priceRange: { min: { amount: 3900, currencyCode: "USD" }, max: { amount: 4500, currencyCode: "USD" } },
      category: { id: categoryId },
    });
    expect(product?.variants.map((v) => [v.title, v.optionValues])).toEqual([
      ["S / white", [{ name: "size", value: "S" }, { name: "colour", value: "white" }]],
      ["M / blue", [{ name: "size", value: "M" }, { name: "colour", value: "blue" }]],
    ]);
    // A draft is not shown publicly.
    const lookup = await catalog.gql(`{ product(slug: "cafe-linen-shirt") { id } }`);
    expect(lookup.body.data).toEqual({ product: null });
  });

  it("makes a derived slug unique, and an ACTIVE product is shown at once", async () => {
    const { product } = await mutate(sellerA, CREATE, productInput(categoryId, { title: "Taken slug", status: "ACTIVE" }));
    expect(product?.slug).toMatch(/^taken-slug-[0-9a-f]{6}$/);
    const lookup = await catalog.gql(`query($slug: String!) { product(slug: $slug) { status } }`, { slug: product?.slug });
    expect(lookup.body.data).toEqual({ product: { status: "ACTIVE" } });
  });

  it("accepts a title of exactly 200 characters and a description of exactly 10,000", async () => {
    const input = productInput(categoryId, { title: "t".repeat(200), description: "line\n".repeat(2000) });
    expect((await mutate(sellerA, CREATE, input)).userErrors).toEqual([]);
  });

  it("lets an admin list for a named seller, and requires the name", async () => {
    const missing = await mutate(admin, CREATE, productInput(categoryId));
    expect(missing.userErrors).toEqual([expect.objectContaining({ code: "SELLER_REQUIRED", field: ["input", "sellerId"] })]);
    const named = await mutate(admin, CREATE, productInput(categoryId, { sellerId: SELLER_B }));
    expect(named.product?.sellerId).toEqual({ id: SELLER_B });
  });

  it("refuses anonymous callers, customers without a store and sellers naming another store", async () => {
    const input = { input: productInput(categoryId) };
    expect(errorCode((await catalog.gql(CREATE, input)).body)).toBe("UNAUTHENTICATED");
    const customer = await catalog.as(people.customer);
    expect(errorCode((await customer(CREATE, input)).body)).toBe("FORBIDDEN");
    const other = { input: productInput(categoryId, { sellerId: SELLER_B }) };
    expect(errorCode((await sellerA(CREATE, other)).body)).toBe("FORBIDDEN");
  });
});

type Variant = ReturnType<typeof productInput>["variants"][number];
const withVariant = (change: Partial<Variant> & Record<string, unknown>, index = 0) => {
  const input = productInput("");
  const variants = input.variants.map((v, i) => (i === index ? { ...v, ...change } : v));
  return { variants };
};
const twinSkus = () => {
  const [first, second] = productInput("").variants as [Variant, Variant];
  return { variants: [first, { ...second, sku: first.sku }] };
};

describe("createProduct validation: every problem is reported with its field, and nothing is written", () => {
  it.each([
    ["an empty title", { title: "  " }, "REQUIRED", ["title"]],
    ["a title over 200 characters", { title: "t".repeat(201) }, "TOO_LONG", ["title"]],
    ["a description over 10,000 characters", { description: "d".repeat(10_001) }, "TOO_LONG", ["description"]],
    ["a slug that is not URL-safe", { slug: "Linen Shirt" }, "INVALID_SLUG", ["slug"]],
    ["a slug in use", { slug: "taken-slug" }, "SLUG_TAKEN", ["slug"]],
    ["an unknown category", { categoryId: "cat_nope" }, "CATEGORY_NOT_FOUND", ["categoryId"]],
    ["an invalid currency", { currencyCode: "dollars" }, "INVALID_CURRENCY", ["currencyCode"]],
    ["an ARCHIVED new product", { status: "ARCHIVED" }, "INVALID_STATUS", ["status"]],
    ["no variants", { variants: [] }, "VARIANTS_REQUIRED", ["variants"]],
    ["a SKU in use", withVariant({ sku: "TAKEN-SKU" }, 1), "SKU_TAKEN", ["variants", "1", "sku"]],
    ["a SKU twice in the input", twinSkus(), "SKU_TAKEN", ["variants", "1", "sku"]],
    ["a SKU with spaces", withVariant({ sku: "A B" }), "INVALID_SKU", ["variants", "0", "sku"]],
    ["a negative price", withVariant({ price: -1 }), "INVALID_PRICE", ["variants", "0", "price"]],
    ["a compare-at price below the price", withVariant({ compareAtPrice: 3899 }), "INVALID_COMPARE_AT_PRICE", ["variants", "0", "compareAtPrice"]],
    ["negative stock", withVariant({ stock: -1 }), "INVALID_STOCK", ["variants", "0", "stock"]],
    ["a negative weight", withVariant({ weightGrams: -5 }), "INVALID_WEIGHT", ["variants", "0", "weightGrams"]],
    ["a missing option value", withVariant({ optionValues: [{ name: "size", value: "S" }] }), "OPTION_VALUES_MISMATCH", ["variants", "0", "optionValues"]],
    ["an unknown option value", withVariant({ optionValues: [{ name: "size", value: "XL" }, { name: "colour", value: "white" }] }), "OPTION_VALUES_MISMATCH", ["variants", "0", "optionValues"]],
    ["two variants alike", withVariant({ optionValues: [{ name: "size", value: "S" }, { name: "colour", value: "white" }] }, 1), "DUPLICATE_VARIANT", ["variants", "1", "optionValues"]],
    ["four options", { options: ["a", "b", "c", "d"].map((name) => ({ name, values: ["x"] })) }, "TOO_MANY_OPTIONS", ["options"]],
    ["an option twice", { options: [{ name: "size", values: ["S"] }, { name: "Size", values: ["M"] }] }, "DUPLICATE_OPTION", ["options", "1", "name"]],
    ["an option value twice", { options: [{ name: "size", values: ["S", "S"] }] }, "DUPLICATE_OPTION_VALUE", ["options", "0", "values", "1"]],
    ["an image that is not a web URL", { images: [{ url: "javascript:alert(1)" }] }, "INVALID_URL", ["images", "0", "url"]],
    ["an attribute twice", { attributes: [{ key: "fit", value: "slim" }, { key: "fit", value: "slim" }] }, "DUPLICATE_ATTRIBUTE", ["attributes", "1"]],
    ["101 variants", { options: [], variants: Array.from({ length: 101 }, (_, i) => ({ sku: `MANY-${i}`, price: 1 })) }, "TOO_MANY_VARIANTS", ["variants"]],
  ])("%s → %s", async (_case, overrides, code, field) => {
    const before = await productCount();
    const base = productInput(categoryId);
    const { userErrors, product } = await mutate(sellerA, CREATE, { ...base, ...overrides });
    expect(product).toBeNull();
    expect(userErrors).toContainEqual(expect.objectContaining({ code, field: ["input", ...field] }));
    expect(await productCount()).toBe(before);
  });

  it("reports every input problem at once, then every database problem at once", async () => {
    const input = { ...productInput(categoryId), title: "", slug: "taken-slug", categoryId: "cat_nope" };
    const { userErrors } = await mutate(sellerA, CREATE, { ...input, description: "d".repeat(10_001) });
    expect(userErrors.map((e) => e.code).sort()).toEqual(["REQUIRED", "TOO_LONG"]);
    // Database checks run once the input itself is valid.
    const second = await mutate(sellerA, CREATE, { ...input, title: "Fine" });
    expect(second.userErrors.map((e) => e.code).sort()).toEqual(["CATEGORY_NOT_FOUND", "SLUG_TAKEN"]);
  });

  it("refuses a fractional price before it reaches the catalog (GraphQL Int)", async () => {
    const res = await sellerA(CREATE, { input: withVariantPrice(39.5) });
    expect(errorCode(res.body)).toBe("BAD_USER_INPUT");
  });

  it("lets exactly one of ten concurrent creates claim a SKU; the others write nothing", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const input = productInput(categoryId, { title: `Race ${i}` });
        input.variants[1]!.sku = "RACED-SKU";
        return mutate(sellerA, CREATE, input);
      }),
    );
    expect(results.filter((r) => r.product !== null)).toHaveLength(1);
    for (const failed of results.filter((r) => r.product === null)) {
      expect(failed.userErrors).toEqual([expect.objectContaining({ code: "SKU_TAKEN", field: ["input", "variants", "1", "sku"] })]);
    }
    const raced = await catalog.db.select().from(tables.products).where(like(tables.products.title, "Race %"));
    expect(raced).toHaveLength(1);
    const variants = await catalog.db.select().from(tables.productVariants).where(eq(tables.productVariants.productId, raced[0]!.id));
    expect(variants).toHaveLength(2);
  });
});

function withVariantPrice(price: number) {
  const input = productInput(categoryId);
  input.variants[0]!.price = price;
  return input;
}
