import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Fulfillment } from "./fulfillment.type";
import { Order } from "./order.type";
import { Payment } from "./payment.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class OrderPayload {
  @Field(() => Order, { nullable: true })
  order?: Order | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelOrderPayload extends OrderPayload {}

@ObjectType()
export class RefundOrderPayload extends OrderPayload {}

@ObjectType() // a base: never reachable itself, so never emitted
abstract class FulfillmentPayload extends OrderPayload {
  @Field(() => Fulfillment, { nullable: true })
  fulfillment?: Fulfillment | null;
}

@ObjectType()
export class MarkFulfillmentShippedPayload extends FulfillmentPayload {}

@ObjectType()
export class MarkFulfillmentDeliveredPayload extends FulfillmentPayload {}

@ObjectType()
export class ConfirmSandboxPaymentPayload extends OrderPayload {
  @Field(() => Payment, { nullable: true })
  payment?: Payment | null;
}
