import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * users owns User; catalog adds `User.reviews` and points at review authors, so the stub is
 * resolvable here and its `__resolveReference` just echoes the id.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
