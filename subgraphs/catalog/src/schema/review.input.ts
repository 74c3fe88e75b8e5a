import { Field, ID, InputType, Int } from "type-graphql";

@InputType()
export class AddReviewInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: "1 to 5 stars." })
  rating!: number;

  @Field(() => String, { description: "1–200 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "At most 5,000 characters." })
  body?: string | null;
}
