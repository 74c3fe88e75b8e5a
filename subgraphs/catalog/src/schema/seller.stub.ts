import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * sellers owns Seller; catalog adds `Seller.products`, so the stub is resolvable here:
 * its `__resolveReference` just echoes the id (catalog cannot know whether the seller exists).
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Seller {
  @Field(() => ID)
  id!: string;
}
