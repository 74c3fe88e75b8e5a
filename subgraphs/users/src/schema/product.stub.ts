import { Directive, Field, ID, ObjectType } from "type-graphql";

/** catalog owns Product; users only points at it (wishlist items), so the router resolves the rest. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}
