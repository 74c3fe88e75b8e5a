import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Product } from "./product.stub";
import { User } from "./user.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class WishlistPayload {
  @Field(() => Product, { nullable: true })
  product?: Product | null;

  @Field(() => User, { nullable: true, description: "The owner, to refetch the wishlist from." })
  user?: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class AddToWishlistPayload extends WishlistPayload {}

@ObjectType()
export class RemoveFromWishlistPayload extends WishlistPayload {}
