import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A signed-in user without a store asks to open one; an admin decides." })
export class ApplyAsSellerInput {
  @Field(() => String, { description: "The store's name, 2–80 characters (trimmed)." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "URL handle: 3–60 lower-case letters, digits and single hyphens, starting and ending with a letter or digit. Derived from the name when omitted or blank.",
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "At most 2,000 characters; line breaks are kept." })
  description?: string | null;
}

@InputType()
export class ApproveSellerInput {
  @Field(() => ID, { description: "A PENDING seller." })
  sellerId!: string;
}

@InputType()
export class RejectSellerInput {
  @Field(() => ID, { description: "A PENDING seller." })
  sellerId!: string;

  @Field(() => String, { description: "Why, for the applicant: 1–1,000 characters (trimmed)." })
  reason!: string;
}
