import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";

export enum ProductSort {
  NEWEST = "NEWEST",
  PRICE_ASC = "PRICE_ASC",
  PRICE_DESC = "PRICE_DESC",
  RATING = "RATING",
  POPULARITY = "POPULARITY",
}
registerEnumType(ProductSort, {
  name: "ProductSort",
  description: "Order of a product listing. Prices sort by the lowest variant price; ties break by id.",
  valuesConfig: {
    NEWEST: { description: "Most recently created first." },
    PRICE_ASC: { description: "Cheapest (lowest variant price) first." },
    PRICE_DESC: { description: "Most expensive (lowest variant price) first." },
    RATING: { description: "Best average rating first, then most ratings." },
    POPULARITY: { description: "Most popular first." },
  },
});

@InputType({ description: "A specification a listed product must have, e.g. material: cotton." })
export class ProductAttributeFilter {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@InputType({ description: "Narrows a product listing; all given conditions must hold." })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: "In this category or any of its descendants." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => Int, { nullable: true, description: "Some variant costs at least this (minor units)." })
  priceMin?: number | null;

  @Field(() => Int, { nullable: true, description: "Some variant costs at most this (minor units)." })
  priceMax?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: some variant has stock; false: no variant has stock.",
  })
  inStock?: boolean | null;

  @Field(() => [ProductAttributeFilter], {
    nullable: true,
    description:
      "Attribute values (at most 20). Values of one key are alternatives (colour red or blue); different keys must all match.",
  })
  attributes?: ProductAttributeFilter[] | null;
}
