import { ArgsType, Field, ID, Int } from "type-graphql";

@ArgsType()
export class OrderUpdatedArgs {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Resume after this timeline sequence: the entries after it are delivered first, in order, then live ones. Without it, only changes from now on.",
  })
  afterSequence?: number | null;
}
