import { RequiresRole } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { CatalogContext } from "../context";
import { AddReviewInput } from "../schema/review.input";
import { AddReviewPayload } from "../schema/review.payload";
import { addReview } from "../services/review-write.service";

@Resolver()
export class ReviewMutationResolver {
  @RequiresRole("CUSTOMER")
  @Mutation(() => AddReviewPayload, {
    description: "Rates a product 1–5 stars; one review per customer and product (ALREADY_REVIEWED).",
  })
  addReview(@Arg("input", () => AddReviewInput) input: AddReviewInput, @Ctx() ctx: CatalogContext) {
    return addReview(ctx, input);
  }
}
