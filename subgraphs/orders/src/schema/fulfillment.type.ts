import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Seller } from "./seller.stub";

export enum FulfillmentStatus {
  UNFULFILLED = "UNFULFILLED",
  SHIPPED = "SHIPPED",
  DELIVERED = "DELIVERED",
  CANCELLED = "CANCELLED",
}
registerEnumType(FulfillmentStatus, {
  name: "FulfillmentStatus",
  description: "Shipping state of one seller's part of an order.",
});

/** `lines` and `order` are field resolvers (see fulfillment.resolver.ts). */
@Directive('@key(fields: "id")')
@ObjectType({ description: "The part of an order one seller ships: its lines travel together." })
export class Fulfillment {
  @Field(() => ID)
  id!: string;

  @Field(() => FulfillmentStatus)
  status!: FulfillmentStatus;

  @Field(() => Seller)
  seller!: Seller;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  /** Not exposed: the order this fulfillment belongs to. */
  orderId!: string;
}
