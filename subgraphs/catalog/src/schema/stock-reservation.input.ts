import { Directive, Field, ID, InputType, Int } from "type-graphql";

@Directive("@inaccessible")
@InputType()
export class ReservationLineInput {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { description: "1 to 10,000 units." })
  quantity!: number;
}

@Directive("@inaccessible")
@InputType()
export class ReserveStockInput {
  @Field(() => ID, { description: "The order the stock is for; a retry with the same id returns the same reservation." })
  orderId!: string;

  @Field(() => [ReservationLineInput], { description: "1 to 100 lines, one per variant." })
  lines!: ReservationLineInput[];

  @Field(() => Int, { description: "Seconds until unused stock goes back on sale, 1 to 86,400." })
  ttlSeconds!: number;
}

@Directive("@inaccessible")
@InputType()
export class CommitReservationInput {
  @Field(() => ID)
  orderId!: string;
}

@Directive("@inaccessible")
@InputType()
export class ReleaseReservationInput {
  @Field(() => ID)
  orderId!: string;
}
