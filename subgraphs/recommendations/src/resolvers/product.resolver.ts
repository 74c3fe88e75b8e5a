import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { RecommendationsContext } from "../context";
import { Product } from "../schema/product.stub";
import { FrequentlyBoughtTogetherArgs, RecommendationsArgs } from "../schema/recommendation.args";
import { frequentlyBoughtTogether, recommendationsFor } from "../services/recommendation.service";

@Resolver(() => Product)
export class ProductRecommendationsResolver {
  @Directive('@tag(name: "partner")')
  @FieldResolver(() => [Product], {
    description: "Products most often bought with this one, topped up with trending products when there are too few.",
  })
  recommendations(
    @Root() product: Product,
    @Args(() => RecommendationsArgs) args: RecommendationsArgs,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return recommendationsFor(ctx, product.id, args.first);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => [Product], { description: "Products most often bought in the same order as this one." })
  frequentlyBoughtTogether(
    @Root() product: Product,
    @Args(() => FrequentlyBoughtTogetherArgs) args: FrequentlyBoughtTogetherArgs,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return frequentlyBoughtTogether(ctx, product.id, args.first);
  }
}
