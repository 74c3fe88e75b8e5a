import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { OrderStatus } from "./order.type";

export enum OrderEventType {
  ORDER_PLACED = "ORDER_PLACED",
  PAYMENT_REQUIRES_ACTION = "PAYMENT_REQUIRES_ACTION",
  PAYMENT_PROCESSING = "PAYMENT_PROCESSING",
  PAYMENT_FAILED = "PAYMENT_FAILED",
  ORDER_PAID = "ORDER_PAID",
  FULFILLMENT_SHIPPED = "FULFILLMENT_SHIPPED",
  FULFILLMENT_DELIVERED = "FULFILLMENT_DELIVERED",
  ORDER_COMPLETED = "ORDER_COMPLETED",
  ORDER_CANCELLED = "ORDER_CANCELLED",
  ORDER_REFUNDED = "ORDER_REFUNDED",
  ORDER_PARTIALLY_REFUNDED = "ORDER_PARTIALLY_REFUNDED",
  REFUND_ISSUED = "REFUND_ISSUED",
}
registerEnumType(OrderEventType, { name: "OrderEventType", description: "What happened to an order." });

export enum ActorType {
  CUSTOMER = "CUSTOMER",
  SELLER = "SELLER",
  ADMIN = "ADMIN",
  SYSTEM = "SYSTEM",
}
registerEnumType(ActorType, {
  name: "ActorType",
  description: "Who caused an order event; SYSTEM is the payment processor, expiry or another automatic rule.",
});

@ObjectType({ description: "Who caused an order event." })
export class OrderActor {
  @Field(() => ActorType)
  type!: ActorType;

  @Field(() => ID, { nullable: true, description: "The user's id; null for SYSTEM." })
  id!: string | null;
}

/** `fulfillment` is a field resolver (see order-event.resolver.ts). */
@ObjectType({ description: "One entry of an order's timeline; sequence numbers start at 1 and have no gaps." })
export class OrderEvent {
  @Field(() => Int)
  sequence!: number;

  @Field(() => OrderEventType)
  type!: OrderEventType;

  @Field(() => OrderStatus, { nullable: true, description: "null for ORDER_PLACED." })
  fromStatus!: OrderStatus | null;

  @Field(() => OrderStatus)
  toStatus!: OrderStatus;

  @Field(() => OrderActor)
  actor!: OrderActor;

  @Field(() => Date)
  occurredAt!: Date;

  /** Not exposed: resolved through the fulfillment loader. */
  fulfillmentId!: string | null;
}
