import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The public face of an account: what other shoppers may see next to a review or an order.
 * Private data (email, roles, addresses, wishlist) lives on guarded field resolvers
 * (resolvers/user.resolver.ts), loaded only after an owner-or-admin check.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A person with an account on the marketplace." })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Public display name." })
  name!: string;
}
