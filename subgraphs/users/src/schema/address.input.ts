import { Field, ID, InputType } from "type-graphql";

@InputType()
export class AddAddressInput {
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
