import { PostalAddressFields } from "@bazaar/subgraph-kit";
import { Field, InputType, ObjectType } from "type-graphql";

@ObjectType({ description: "Where an order ships: a copy taken at checkout, unaffected by later address book edits." })
export class ShippingAddress {
  @Field(() => String, { description: "Recipient's name." })
  name!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. DE." })
  country!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

/** The fields and their limits are the kit's, shared with the users address book. */
@InputType({ description: "An address typed at checkout (not taken from the address book)." })
export class ShippingAddressInput extends PostalAddressFields {}
