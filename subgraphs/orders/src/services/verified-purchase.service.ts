import type { OrdersContext } from "../context";
import { verifiedPurchaseLoader } from "../loaders/verified-purchase.loaders";
import type { Review } from "../schema/review.stub";

/** What the router sends for a review: its key plus the `@requires` fields catalog resolved. */
export interface ReviewRepresentation {
  id: string;
  author?: { id?: string | null } | null;
  product?: { id?: string | null } | null;
}

/** orders cannot tell whether a review exists; it answers for any representation it is given. */
export const reviewReference = (ref: ReviewRepresentation) => ref;

/** Whether the review's author bought the product in an order that was paid for. */
export async function isVerifiedPurchase(ctx: OrdersContext, review: Review | ReviewRepresentation): Promise<boolean> {
  const userId = review.author?.id;
  const productId = review.product?.id;
  if (!userId || !productId) return false;
  return verifiedPurchaseLoader(ctx).load({ userId, productId });
}
