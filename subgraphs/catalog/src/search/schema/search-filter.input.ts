import { Field, Float, ID, InputType, Int } from "type-graphql";

@InputType({ description: "An attribute to filter search results on, e.g. Material = Bamboo." })
export class SearchAttributeFilter {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@InputType({
  description:
    "Narrows a search; all given conditions must hold. Each facet value's count is exactly the total the search reports once that value is added here.",
})
export class SearchFilter {
  @Field(() => ID, { nullable: true, description: "In this category or any of its descendants." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => [String], { nullable: true, description: "Any of these brands (an empty list does not filter)." })
  brand?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: "The product's lowest variant price (its 'from' price) is at least this, in minor units.",
  })
  priceMin?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "The product's lowest variant price is at most this, in minor units.",
  })
  priceMax?: number | null;

  @Field(() => Float, { nullable: true, description: "Average rating at least this (0 to 5)." })
  minRating?: number | null;

  @Field(() => Boolean, { nullable: true, description: "true: some variant has stock; false: no variant has." })
  inStock?: boolean | null;

  @Field(() => [SearchAttributeFilter], {
    nullable: true,
    description: "Pairs with the same key are alternatives (any may hold); pairs with different keys must all hold.",
  })
  attributes?: SearchAttributeFilter[] | null;
}
