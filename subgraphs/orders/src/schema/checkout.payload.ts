import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Order } from "./order.type";
import { Payment } from "./payment.type";

@ObjectType()
export class CheckoutPayload {
  @Field(() => Order, { nullable: true, description: "The order, PENDING_PAYMENT until the payment succeeds." })
  order?: Order | null;

  @Field(() => Payment, { nullable: true, description: "The payment to confirm in the storefront (its clientSecret)." })
  payment?: Payment | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
