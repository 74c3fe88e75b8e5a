import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { User } from "./user.stub";

@Directive('@tag(name: "partner")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A customer's rating and opinion of a product." })
export class Review {
  @Directive('@tag(name: "partner")')
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => Int, { description: "1 to 5 stars." })
  rating!: number;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  body!: string;

  @Field(() => User)
  author!: User;

  @Directive('@tag(name: "partner")')
  @Field(() => Date)
  createdAt!: Date;

  /** Not exposed: the `product` field resolves it through a loader. */
  productId!: string;
}
