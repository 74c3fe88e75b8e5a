import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { User } from "./user.stub";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A customer's rating and opinion of a product." })
export class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "1 to 5 stars." })
  rating!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => User)
  author!: User;

  @Field(() => Date)
  createdAt!: Date;

  /** Not exposed: the `product` field resolves it through a loader. */
  productId!: string;
}
