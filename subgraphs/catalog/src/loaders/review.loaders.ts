import type { Database } from "@bazaar/drizzle";
import { keyedLoader, pagedLoader } from "@bazaar/subgraph-kit";
import { countReviewsByAuthors, findReviewsByIds, listReviewsOf } from "../db/review.queries";

export function createReviewLoaders(db: Database) {
  return {
    reviewById: keyedLoader(
      (ids: readonly string[]) => findReviewsByIds(db, ids),
      (row) => row.id,
    ),
    reviewPagesByProduct: pagedLoader(
      (ids, limit, after: readonly string[] | null) => listReviewsOf(db, "productId", ids, limit, after),
      (row) => row.productId,
    ),
    reviewPagesByAuthor: pagedLoader(
      (ids, limit, after: readonly string[] | null) => listReviewsOf(db, "authorId", ids, limit, after),
      (row) => row.authorId,
    ),
    reviewCountByAuthor: keyedLoader(
      (ids: readonly string[]) => countReviewsByAuthors(db, ids),
      (row) => row.authorId,
    ),
  };
}
export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
