import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Product } from "./product.stub";
import { User } from "./user.stub";

/**
 * catalog owns Review; orders adds `verifiedPurchase`. The router fetches the review's author and
 * product ids from catalog (`@external`) and hands them over with the key (`@requires`).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Review {
  @Field(() => ID)
  id!: string;

  @Directive("@external")
  @Field(() => User)
  author!: User;

  @Directive("@external")
  @Field(() => Product)
  product!: Product;
}
