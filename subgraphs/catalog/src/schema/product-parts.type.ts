import { Money } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A product photo." })
export class ProductImage {
  @Field(() => String)
  url!: string;

  @Field(() => String, { description: "Text alternative for screen readers." })
  alt!: string;
}

@ObjectType({ description: "A free-form specification line, e.g. material: cotton." })
export class ProductAttribute {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: "A dimension variants differ in, e.g. size with values S, M, L." })
export class ProductOption {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  values!: string[];
}

@ObjectType({ description: "Lowest and highest variant price of a product." })
export class PriceRange {
  @Field(() => Money)
  min!: Money;

  @Field(() => Money)
  max!: Money;
}
