import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";

@InputType()
export class CancelOrderInput {
  @Field(() => ID)
  orderId!: string;
}

@InputType()
export class RefundOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Minor units; default everything not refunded yet. Less than that leaves the order PARTIALLY_REFUNDED.",
  })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: "Kept on the timeline; up to 200 characters." })
  reason?: string | null;
}

@InputType()
export class MarkFulfillmentShippedInput {
  @Field(() => ID)
  fulfillmentId!: string;

  @Field(() => String, { nullable: true, description: "The carrier's tracking number, up to 100 characters." })
  trackingNumber?: string | null;
}

@InputType()
export class MarkFulfillmentDeliveredInput {
  @Field(() => ID)
  fulfillmentId!: string;
}

export enum SandboxPaymentOutcome {
  SUCCEED = "SUCCEED",
  DECLINE = "DECLINE",
  REQUIRE_ACTION = "REQUIRE_ACTION",
}
registerEnumType(SandboxPaymentOutcome, {
  name: "SandboxPaymentOutcome",
  description: "What the pretend customer does on the sandbox's pretend payment page.",
});

@InputType()
export class ConfirmSandboxPaymentInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => SandboxPaymentOutcome)
  outcome!: SandboxPaymentOutcome;
}
