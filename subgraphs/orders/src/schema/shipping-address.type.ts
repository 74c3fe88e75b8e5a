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

@InputType({ description: "An address typed at checkout (not taken from the address book)." })
export class ShippingAddressInput {
  @Field(() => String, { description: "Recipient's name, 1–100 characters." })
  name!: string;

  @Field(() => String, { description: "1–200 characters." })
  line1!: string;

  @Field(() => String, { nullable: true, description: "Up to 200 characters." })
  line2?: string | null;

  @Field(() => String, { description: "1–100 characters." })
  city!: string;

  @Field(() => String, { nullable: true, description: "Up to 100 characters." })
  region?: string | null;

  @Field(() => String, { description: "1–20 characters." })
  postalCode!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. DE." })
  country!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
