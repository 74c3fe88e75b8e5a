import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * sellers owns Seller. orders adds `salesCount`, so its key is resolvable here: the router
 * sends `{ __typename: "Seller", id }` and orders answers the fields it contributes.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Seller {
  @Field(() => ID)
  id!: string;
}
