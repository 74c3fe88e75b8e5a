import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The public face of an account: what other shoppers may see next to a review or an order.
 * Private data (email, addresses, roles) arrives with authentication, on guarded fields.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A person with an account on the marketplace." })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Public display name." })
  name!: string;
}
