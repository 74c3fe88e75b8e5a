import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Review } from "../schema/review.stub";
import { isVerifiedPurchase } from "../services/verified-purchase.service";

@Resolver(() => Review)
export class ReviewPurchaseResolver {
  @Directive('@requires(fields: "author { id } product { id }")')
  @FieldResolver(() => Boolean, {
    description: "The author bought the product in an order that was paid for (paid, completed or partly refunded).",
  })
  verifiedPurchase(@Root() review: Review, @Ctx() ctx: OrdersContext) {
    return isVerifiedPurchase(ctx, review);
  }
}
