import { Directive, Field, ID, ObjectType } from "type-graphql";

/** users owns User; sellers adds `User.seller`, so the router must be able to enter here by id. */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
