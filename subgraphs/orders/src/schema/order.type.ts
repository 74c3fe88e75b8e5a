import { Money } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { User } from "./user.stub";

export enum OrderStatus {
  PENDING_PAYMENT = "PENDING_PAYMENT",
  PAYMENT_FAILED = "PAYMENT_FAILED",
  PAID = "PAID",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
  REFUNDED = "REFUNDED",
  PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED",
}
registerEnumType(OrderStatus, {
  name: "OrderStatus",
  description: "Lifecycle of an order, from checkout to completion.",
});

/** `lines` and `fulfillments` are field resolvers (see order.resolver.ts). */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A placed order; one per checkout, possibly spanning several sellers." })
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Human-facing order number, e.g. BZ-000123." })
  number!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => Date)
  placedAt!: Date;

  @Field(() => Money, { description: "Sum of the line totals." })
  subtotal!: Money;

  @Field(() => Money)
  shippingTotal!: Money;

  @Field(() => Money)
  taxTotal!: Money;

  @Field(() => Money, { description: "subtotal + shippingTotal + taxTotal." })
  total!: Money;

  @Field(() => User, { description: "The customer who placed the order." })
  customer!: User;
}
