import {
  abortWith,
  boundedText,
  type Errors,
  isIdLike,
  newId,
  path,
  requireViewer,
  transactionOrUserErrors,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { lockProduct } from "../db/product-write.queries";
import { insertReview, refreshRating } from "../db/review-write.queries";
import { findSellerListingsByIds } from "../db/seller-listing.queries";
import type { Product } from "../schema/product.type";
import type { Review } from "../schema/review.type";
import { recordProductsChanged } from "./catalog-events";
import { toProduct } from "./product.service";
import { toReview } from "./review.service";

export interface AddReviewResult {
  review: Review | null;
  product: Product | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): AddReviewResult => ({ review: null, product: null, userErrors });
const productNotFound = () => userError("PRODUCT_NOT_FOUND", "No such product", path("productId"));

function validateReview(input: { rating: number; title: string; body?: string | null }) {
  const errors: Errors = [];
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    errors.push(userError("INVALID_RATING", "Rating must be 1 to 5 stars", path("rating")));
  }
  const title = boundedText(errors, "title", input.title, 200) ?? "";
  const body = boundedText(errors, "body", input.body, 5000, { optional: true, multiline: true }) ?? "";
  return { errors, title, body };
}

/**
 * One review per customer and product, for products shown publicly. The product's row lock is
 * taken first, so concurrent reviews of one product recompute its rating one after the other and
 * the average and count always cover every review.
 */
export async function addReview(
  ctx: CatalogContext,
  input: { productId: string; rating: number; title: string; body?: string | null },
): Promise<AddReviewResult> {
  const viewer = requireViewer(ctx);
  const { errors, title, body } = validateReview(input);
  if (!isIdLike(input.productId)) errors.unshift(productNotFound());
  if (errors.length > 0) return failed(...errors);
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const product = await lockProduct(tx, input.productId);
    const [listing] = product ? await findSellerListingsByIds(tx, [product.sellerId]) : [];
    if (product?.status !== "ACTIVE" || !listing?.active) return abortWith(productNotFound());
    if (viewer.sellerId === product.sellerId) {
      abortWith(userError("OWN_PRODUCT", "Sellers cannot review their own products", path("productId")));
    }
    const review = await insertReview(tx, {
      id: newId("rev"),
      productId: product.id,
      authorId: viewer.userId,
      rating: input.rating,
      title,
      body,
    });
    if (!review) return abortWith(userError("ALREADY_REVIEWED", "You have already reviewed this product", path("productId")));
    // The product's rating is searchable (filter, facets).
    await recordProductsChanged(tx, [product.id]);
    return { review, product: await refreshRating(tx, product.id) };
  });
  if (!outcome.ok) return failed(...outcome.userErrors);
  const { review, product } = outcome.value;
  ctx.loaders.productById.clear(product.id).prime(product.id, product);
  ctx.loaders.reviewById.prime(review.id, review);
  return { review: toReview(review), product: toProduct(product), userErrors: [] };
}
