import { Money } from "@bazaar/subgraph-kit";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum PaymentProcessor {
  STRIPE = "STRIPE",
  SANDBOX = "SANDBOX",
}
registerEnumType(PaymentProcessor, {
  name: "PaymentProcessor",
  description: "Who processes a payment. SANDBOX moves no money: development and tests only.",
});

export enum PaymentStatus {
  REQUIRES_PAYMENT_METHOD = "REQUIRES_PAYMENT_METHOD",
  REQUIRES_ACTION = "REQUIRES_ACTION",
  PROCESSING = "PROCESSING",
  FAILED = "FAILED",
  SUCCEEDED = "SUCCEEDED",
  CANCELED = "CANCELED",
}
registerEnumType(PaymentStatus, {
  name: "PaymentStatus",
  description:
    "State of a payment attempt as its processor reported it. FAILED can still be retried with another card.",
});

@ObjectType({ description: "One attempt to collect an order's total." })
export class Payment {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentProcessor)
  processor!: PaymentProcessor;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => Money)
  amount!: Money;

  @Field(() => Money)
  refundedAmount!: Money;

  @Field(() => String, {
    nullable: true,
    description: "Confirms the payment in the storefront (Stripe.js `confirmPayment`). The order's customer only.",
  })
  clientSecret!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}
