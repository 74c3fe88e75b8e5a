import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "The value a variant takes for one product option, e.g. size: M." })
export class VariantOptionValueInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@InputType({ description: "A new variant." })
export class ProductVariantInput {
  @Field(() => String, { description: "Unique across the catalog: letters, digits and . _ - /, at most 64." })
  sku!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the option values, e.g. M / Black." })
  title?: string | null;

  @Field(() => [VariantOptionValueInput], {
    nullable: true,
    description: "Exactly one value for each product option.",
  })
  optionValues?: VariantOptionValueInput[] | null;

  @Field(() => Int, { description: "Minor units, 0 or more." })
  price!: number;

  @Field(() => Int, { nullable: true, description: "Minor units, at least the price." })
  compareAtPrice?: number | null;

  @Field(() => Int, { nullable: true, description: "Units available, 0 (default) or more." })
  stock?: number | null;

  @Field(() => Int, { nullable: true })
  weightGrams?: number | null;
}

/** Stock is not changed here: `setStock` owns it, so an edit never overwrites concurrent sales. */
@InputType({ description: "Changes to an existing variant; fields left out stay as they are." })
export class ProductVariantChangeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [VariantOptionValueInput], { nullable: true })
  optionValues?: VariantOptionValueInput[] | null;

  @Field(() => Int, { nullable: true })
  price?: number | null;

  @Field(() => Int, { nullable: true, description: "null removes the compare-at price." })
  compareAtPrice?: number | null;

  @Field(() => Int, { nullable: true, description: "null removes the weight." })
  weightGrams?: number | null;
}
