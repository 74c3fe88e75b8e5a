import { badUserInput, type Connection, decodeCursor, type Lazy, type PageKey, pageSize, toConnection } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { keysCastable } from "../db/keyset.queries";
import { type ListedReviewRow, newestReviews, type ReviewRow } from "../db/review.queries";
import type { Product } from "../schema/product.type";
import type { Review } from "../schema/review.type";

interface Page {
  first?: number | null;
  after?: string | null;
}

export const toReview = (row: ReviewRow): Review => ({
  id: row.id,
  productId: row.productId,
  rating: row.rating,
  title: row.title,
  body: row.body,
  author: { id: row.authorId },
  createdAt: row.createdAt,
});

/** A review cursor is `[createdAt as text, id]`, newest first. */
function pageKey(parentId: string, page: Page): PageKey<readonly string[]> {
  const limit = pageSize(page) + 1;
  if (!page.after) return { parentId, limit, after: null };
  const after = decodeCursor(page.after, newestReviews.keys.length);
  if (!keysCastable(newestReviews, after)) throw badUserInput("Malformed cursor", "after");
  return { parentId, limit, after };
}

function toReviewConnection(ctx: CatalogContext, rows: ListedReviewRow[], page: Page, totalCount: Lazy<number>) {
  for (const row of rows) ctx.loaders.reviewById.prime(row.id, row);
  return toConnection(rows, {
    first: pageSize(page),
    after: page.after,
    cursorOf: (row) => row.cursorKeys,
    toNode: toReview,
    totalCount,
  });
}

/** Newest first. The count is the product's denormalised rating count, so it costs no statement. */
export async function productReviews(ctx: CatalogContext, product: Product, page: Page): Promise<Connection<Review>> {
  const rows = await ctx.loaders.reviewPagesByProduct.load(pageKey(product.id, page));
  return toReviewConnection(ctx, rows, page, product.rating.count);
}

export async function userReviews(ctx: CatalogContext, authorId: string, page: Page): Promise<Connection<Review>> {
  const rows = await ctx.loaders.reviewPagesByAuthor.load(pageKey(authorId, page));
  return toReviewConnection(ctx, rows, page, async () => {
    return (await ctx.loaders.reviewCountByAuthor.load(authorId))?.count ?? 0;
  });
}

export async function reviewReference(ctx: CatalogContext, id: string): Promise<Review | null> {
  const row = await ctx.loaders.reviewById.load(id);
  return row ? toReview(row) : null;
}
