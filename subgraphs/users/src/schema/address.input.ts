import { PostalAddressFields } from "@bazaar/subgraph-kit";
import { Field, ID, InputType } from "type-graphql";

/** The address fields and their limits are the kit's, shared with orders' checkout. */
@InputType()
export class AddAddressInput extends PostalAddressFields {
  @Field(() => Boolean, { nullable: true, description: "Make it the default; a user's first address always is." })
  isDefault?: boolean | null;
}

/** Fields left out stay as they are; `null` clears an optional field. */
@InputType()
export class UpdateAddressInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  line1?: string | null;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType()
export class RemoveAddressInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class SetDefaultAddressInput {
  @Field(() => ID)
  id!: string;
}
