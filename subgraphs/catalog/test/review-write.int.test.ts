import { tables } from "@bazaar/drizzle";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Catalog, errorCode, startCatalog } from "./harness";
import { people, SELLER_A } from "./product-write.fixtures";

let catalog: Catalog;
let lampId: string;

const ADD_REVIEW = `mutation($input: AddReviewInput!) { addReview(input: $input) {
  userErrors { code field message }
  review { rating title body author { id } product { id } }
  product { rating { average count } reviews(first: 1) { totalCount } } } }`;

interface AddReview {
  addReview: {
    userErrors: { code: string; field: string[] }[];
    review: { rating: number; title: string; body: string; author: { id: string } } | null;
    product: { rating: { average: number; count: number } } | null;
  };
}

const customer = (n: number) => catalog.as({ userId: `usr_reviewer_${n}` });
const review = (productId: string, overrides: Record<string, unknown> = {}) => ({
  input: { productId, rating: 4, title: "Bright enough", body: "Lights my desk.\nNo flicker.", ...overrides },
});

beforeAll(async () => {
  catalog = await startCatalog();
  const lamp = await catalog.fixtures.product({ sellerId: SELLER_A, variants: [{ price: 4500 }], reviews: [{ rating: 5 }] });
  lampId = lamp.id;
});
afterAll(() => catalog?.stop());

describe("addReview", () => {
  it("adds the review and updates the product's rating in the same step", async () => {
    const res = await (await customer(1))<AddReview>(ADD_REVIEW, review(lampId, { rating: 2 }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.addReview).toEqual({
      userErrors: [],
      review: { rating: 2, title: "Bright enough", body: "Lights my desk.\nNo flicker.", author: { id: "usr_reviewer_1" }, product: { id: lampId } },
      product: { rating: { average: 3.5, count: 2 }, reviews: { totalCount: 2 } },
    });
  });

  it("allows one review per customer and product", async () => {
    const client = await customer(2);
    expect((await client<AddReview>(ADD_REVIEW, review(lampId))).body.data?.addReview.userErrors).toEqual([]);
    const again = await client<AddReview>(ADD_REVIEW, review(lampId, { rating: 1 }));
    expect(again.body.data?.addReview.userErrors).toEqual([
      expect.objectContaining({ code: "ALREADY_REVIEWED", field: ["input", "productId"] }),
    ]);
    const rows = await catalog.db.select().from(tables.reviews).where(eq(tables.reviews.authorId, "usr_reviewer_2"));
    expect(rows.map((r) => r.rating)).toEqual([4]);
  });

  it("keeps the average exact when many customers review at once", async () => {
    const product = await catalog.fixtures.product({ sellerId: SELLER_A, variants: [{ price: 100 }] });
    const ratings = Array.from({ length: 30 }, (_, i) => 1 + (i % 5));
    await Promise.all(
      ratings.map(async (rating, i) => (await customer(100 + i))(ADD_REVIEW, review(product.id, { rating }))),
    );
    const [row] = await catalog.db.select().from(tables.products).where(eq(tables.products.id, product.id));
    expect(row?.ratingCount).toBe(30);
    expect(row?.ratingAverage).toBeCloseTo(3, 5);
  });

  it.each([
    ["0 stars", { rating: 0 }, "INVALID_RATING", ["rating"]],
    ["6 stars", { rating: 6 }, "INVALID_RATING", ["rating"]],
    ["no title", { title: " " }, "REQUIRED", ["title"]],
    ["a title over 200 characters", { title: "t".repeat(201) }, "TOO_LONG", ["title"]],
    ["a body over 5,000 characters", { body: "b".repeat(5001) }, "TOO_LONG", ["body"]],
    ["an unknown product", { productId: "prd_nope" }, "PRODUCT_NOT_FOUND", ["productId"]],
  ])("refuses %s with %s", async (_case, overrides, code, field) => {
    const res = await (await customer(3))<AddReview>(ADD_REVIEW, review(lampId, overrides));
    expect(res.body.data?.addReview).toMatchObject({ review: null, product: null });
    expect(res.body.data?.addReview.userErrors).toContainEqual(expect.objectContaining({ code, field: ["input", ...field] }));
  });

  it("refuses products not shown publicly: drafts and those of unlisted sellers", async () => {
    const draft = await catalog.fixtures.product({ status: "DRAFT", variants: [{ price: 1 }] });
    await catalog.fixtures.sellerListing("sel_suspended", false);
    const hidden = await catalog.fixtures.product({ sellerId: "sel_suspended", variants: [{ price: 1 }] });
    for (const id of [draft.id, hidden.id]) {
      const res = await (await customer(4))<AddReview>(ADD_REVIEW, review(id));
      expect(res.body.data?.addReview.userErrors[0]?.code).toBe("PRODUCT_NOT_FOUND");
    }
  });

  it("does not let a seller review their own product", async () => {
    const seller = await catalog.as(people.sellerA);
    const res = await seller<AddReview>(ADD_REVIEW, review(lampId));
    expect(res.body.data?.addReview.userErrors).toEqual([expect.objectContaining({ code: "OWN_PRODUCT" })]);
  });

  it("needs a signed-in customer", async () => {
    expect(errorCode((await catalog.gql(ADD_REVIEW, review(lampId))).body)).toBe("UNAUTHENTICATED");
    const staffOnly = await catalog.as({ userId: "usr_ops", roles: ["ADMIN"] });
    expect(errorCode((await staffOnly(ADD_REVIEW, review(lampId))).body)).toBe("FORBIDDEN");
  });
});
