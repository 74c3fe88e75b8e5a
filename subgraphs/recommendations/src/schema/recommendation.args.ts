import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_BOUGHT_TOGETHER, DEFAULT_RECOMMENDATIONS, DEFAULT_TRENDING } from "./recommendation.limits";

@ArgsType()
export class RecommendationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_RECOMMENDATIONS, description: "How many, 1 to 50." })
  first?: number | null;
}

@ArgsType()
export class FrequentlyBoughtTogetherArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_BOUGHT_TOGETHER, description: "How many, 1 to 50." })
  first?: number | null;
}

@ArgsType()
export class TrendingProductsArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_TRENDING, description: "How many, 1 to 50." })
  first?: number | null;
}
