import { Field, ID, InputType, Int } from "type-graphql";

@InputType()
export class AddToCartInput {
  @Field(() => ID, { description: "A variant of a product on sale." })
  variantId!: string;

  @Field(() => Int, { defaultValue: 1, description: "Added to what the cart holds already; a line holds 1 to 99." })
  quantity!: number;
}

@InputType()
export class UpdateCartLineInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => Int, { description: "The line's new quantity, 1 to 99 (removeCartLine takes a line out)." })
  quantity!: number;
}

@InputType()
export class RemoveCartLineInput {
  @Field(() => ID)
  lineId!: string;
}

@InputType()
export class MergeCartInput {
  @Field(() => String, {
    nullable: true,
    description: "The guest cart's token; defaults to the request's x-cart-token header.",
  })
  cartToken?: string | null;
}
