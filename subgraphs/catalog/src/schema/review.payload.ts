import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Product } from "./product.type";
import { Review } from "./review.type";

@ObjectType()
export class AddReviewPayload {
  @Field(() => Review, { nullable: true })
  review?: Review | null;

  @Field(() => Product, { nullable: true, description: "The reviewed product with its updated rating." })
  product?: Product | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
