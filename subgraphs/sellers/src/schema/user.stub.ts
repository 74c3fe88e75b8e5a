import { Directive, Field, ID, ObjectType } from "type-graphql";

/** users owns User; sellers only adds `User.seller`. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
