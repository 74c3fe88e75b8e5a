import { Money } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "The value a variant takes for one product option, e.g. size: M." })
export class VariantOptionValue {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@Directive('@tag(name: "partner")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A purchasable version of a product with its own SKU, price and stock." })
export class ProductVariant {
  @Directive('@tag(name: "partner")')
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  sku!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => [VariantOptionValue])
  optionValues!: VariantOptionValue[];

  @Directive('@tag(name: "partner")')
  @Field(() => Money)
  price!: Money;

  @Directive('@tag(name: "partner")')
  @Field(() => Money, { nullable: true, description: "Former price, shown struck through." })
  compareAtPrice!: Money | null;

  @Field(() => Int, { description: "Units available to sell." })
  stock!: number;

  @Directive('@tag(name: "partner")')
  @Field(() => Boolean)
  inStock!: boolean;

  @Directive('@tag(name: "partner")')
  @Field(() => Int, { nullable: true })
  weightGrams!: number | null;

  /** Not exposed: the `product` field resolves it through a loader. */
  productId!: string;
}
