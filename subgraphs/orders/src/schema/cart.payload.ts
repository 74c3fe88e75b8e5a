import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Cart } from "./cart.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class CartPayload {
  @Field(() => Cart, {
    nullable: true,
    description: "The cart after the change (as it was, when userErrors is not empty).",
  })
  cart?: Cart | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class AddToCartPayload extends CartPayload {
  @Field(() => String, {
    nullable: true,
    description:
      "Set only when this call created a guest cart: send it back as the x-cart-token header. It is shown once; only its hash is stored.",
  })
  cartToken?: string | null;
}

@ObjectType()
export class UpdateCartLinePayload extends CartPayload {}

@ObjectType()
export class RemoveCartLinePayload extends CartPayload {}

@ObjectType()
export class MergeCartPayload extends CartPayload {}
