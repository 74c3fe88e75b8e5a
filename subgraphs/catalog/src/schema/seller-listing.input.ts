import { Directive, Field, ID, InputType } from "type-graphql";

@Directive("@inaccessible")
@InputType()
export class SyncSellerStatusInput {
  @Field(() => ID)
  sellerId!: string;

  /**
   * A string rather than an enum: sellers owns `SellerStatus`, and a second enum of that name here
   * would have to stay identical to it for composition.
   */
  @Field(() => String, { description: "The seller's status name: PENDING, ACTIVE, SUSPENDED or REJECTED." })
  status!: string;

  @Field(() => Date, {
    nullable: true,
    description: "When sellers decided it; an older decision arriving late does not overwrite a newer one.",
  })
  occurredAt?: Date | null;
}
