import { Directive, Field, ID, ObjectType } from "type-graphql";

/** users owns User; orders only points at an order's customer (User.orders arrives with auth). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
