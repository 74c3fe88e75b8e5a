import { Money } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@Directive("@inaccessible")
@ObjectType({ description: "One variant of a reservation, priced by catalog at reservation time." })
export class StockReservationLine {
  @Field(() => ID)
  variantId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  sellerId!: string;

  @Field(() => String, { description: "The product's title." })
  title!: string;

  @Field(() => String, { description: "The variant's title, e.g. M / Black." })
  variantTitle!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Money, { description: "Authoritative unit price; never take a client's." })
  unitPrice!: Money;

  @Field(() => Int)
  quantity!: number;
}

@Directive("@inaccessible")
@ObjectType({ description: "Stock held for one order." })
export class StockReservation {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String, {
    description:
      "RESERVED (holding stock until expiresAt), COMMITTED (sold), RELEASED (given back on request) or EXPIRED (given back by the sweeper).",
  })
  status!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [StockReservationLine], { description: "By variant id." })
  lines!: StockReservationLine[];
}
