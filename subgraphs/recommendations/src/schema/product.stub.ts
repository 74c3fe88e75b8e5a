import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * catalog owns Product; recommendations adds `recommendations` and `frequentlyBoughtTogether`.
 * Resolvers return `{ id }` and the router fetches every other field from catalog.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}
