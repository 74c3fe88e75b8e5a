import { Field, ID, InputType } from "type-graphql";

@InputType()
export class AddToWishlistInput {
  @Field(() => ID, { description: "An active product; adding it twice changes nothing." })
  productId!: string;
}

@InputType()
export class RemoveFromWishlistInput {
  @Field(() => ID, { description: "Removing a product that is not on the wishlist changes nothing." })
  productId!: string;
}
