import { PageArgs } from "@bazaar/subgraph-kit";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { ReviewConnection } from "../schema/review-connection.type";
import { User } from "../schema/user.stub";
import { userReviews } from "../services/review.service";

@Resolver(() => User)
export class UserReviewsResolver {
  @FieldResolver(() => ReviewConnection, { description: "Reviews this user wrote, newest first." })
  reviews(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    return userReviews(ctx, user.id, page);
  }
}
