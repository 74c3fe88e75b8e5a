import { Field, ID, ObjectType } from "type-graphql";

/** A shipping address in a user's address book; only its owner (or an admin) can reach it. */
@ObjectType({ description: "A shipping address in a user's address book." })
export class Address {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Recipient's name." })
  name!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true, description: "State, province or county." })
  region!: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, e.g. DE." })
  country!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: "Whether orders ship here unless another address is chosen." })
  isDefault!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}
