import { Field, ID, InputType } from "type-graphql";
import { ShippingAddressInput } from "./shipping-address.type";

@InputType()
export class CheckoutInput {
  @Field(() => String, {
    description:
      "Chosen by the client per purchase attempt (8–100 characters: letters, digits, - _ . :). Sending it again returns the same order; with another cart or address it is refused (IDEMPOTENCY_KEY_REUSED).",
  })
  idempotencyKey!: string;

  @Field(() => ID, {
    nullable: true,
    description: "An address from the customer's address book. Pass this or shippingAddress.",
  })
  shippingAddressId?: string | null;

  @Field(() => ShippingAddressInput, { nullable: true, description: "An address typed at checkout." })
  shippingAddress?: ShippingAddressInput | null;
}
