import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * users owns User. orders adds `orders` and `cart`, so its key is resolvable here: the router sends
 * `{ __typename: "User", id }` and orders answers the fields it contributes.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
