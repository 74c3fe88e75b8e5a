import { Money } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { OrderEvent } from "./order-event.type";
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

/**
 * `lines`, `fulfillments`, `shippingAddress`, `payment`, `events` and `change` are field resolvers that show
 * each viewer only their share (see order.resolver.ts and services/order-access.ts).
 */
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

  @Field(() => Money, { description: "Money given back so far." })
  refundedTotal!: Money;

  @Field(() => String, {
    nullable: true,
    description:
      "Why a CANCELLED order was cancelled: CUSTOMER_REQUEST, ADMIN_REQUEST, PAYMENT_CANCELED, RESERVATION_EXPIRED or OUT_OF_STOCK_AFTER_PAYMENT.",
  })
  cancelReason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "Until when the stock of an unpaid order is held; pay before then.",
  })
  reservedUntil!: Date | null;

  /** Not exposed: the customer's id, for access checks. */
  userId!: string;

  /** Set only on an `orderUpdated` delivery (exposed by OrderResolver.change). */
  change?: OrderEvent | null;
}
