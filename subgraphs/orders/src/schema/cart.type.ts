import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ProductVariant } from "./product-variant.stub";

/** `unitPrice`, `total` and `available` are field resolvers priced live by catalog (see cart.resolver.ts). */
@ObjectType({ description: "A variant in a cart and how many of it." })
export class CartLine {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "1 to 99." })
  quantity!: number;

  @Field(() => ProductVariant, { description: "Catalog resolves it: its current price, stock and product." })
  variant!: ProductVariant;

  /** Not exposed: groups lines by cart. */
  cartId!: string;
}

/** `lines`, `totalQuantity` and `subtotal` are field resolvers (see cart.resolver.ts). */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A shopper's cart: a guest's (found by the cart token) or a customer's. Prices are never stored here: catalog prices every line when it is read.",
})
export class Cart {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** Not exposed: the currency of the cart's first line (a cart holds one currency). */
  currency!: string;
}
