import { Money } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "The value a variant takes for one product option, e.g. size: M." })
export class VariantOptionValue {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A purchasable version of a product with its own SKU, price and stock." })
export class ProductVariant {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  title!: string;

  @Field(() => [VariantOptionValue])
  optionValues!: VariantOptionValue[];

  @Field(() => Money)
  price!: Money;

  @Field(() => Money, { nullable: true, description: "Former price, shown struck through." })
  compareAtPrice!: Money | null;

  @Field(() => Int, { description: "Units available to sell." })
  stock!: number;

  @Field(() => Boolean)
  inStock!: boolean;

  @Field(() => Int, { nullable: true })
  weightGrams!: number | null;

  /** Not exposed: the `product` field resolves it through a loader. */
  productId!: string;
}
