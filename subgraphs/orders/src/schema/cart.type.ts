import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ProductVariant } from "./product-variant.stub";

@ObjectType({ description: "A variant in a cart and how many of it." })
export class CartLine {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => ProductVariant)
  variant!: ProductVariant;

  /** Not exposed: groups lines by cart. */
  cartId!: string;
}

/** `lines` is a field resolver (see cart.resolver.ts). */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A shopper's cart. Prices are not stored here: catalog prices variants." })
export class Cart {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
