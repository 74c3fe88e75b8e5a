import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import type { RecommendationsContext } from "../context";
import { Product } from "../schema/product.stub";
import { TrendingProductsArgs } from "../schema/recommendation.args";
import { trendingProducts } from "../services/recommendation.service";

@Resolver()
export class TrendingResolver {
  @Directive('@tag(name: "partner")')
  @Query(() => [Product], { description: "Products by quantity purchased in the last 30 days, most first." })
  trendingProducts(@Args(() => TrendingProductsArgs) args: TrendingProductsArgs, @Ctx() ctx: RecommendationsContext) {
    return trendingProducts(ctx, args.first);
  }
}
