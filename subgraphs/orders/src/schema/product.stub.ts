import { Directive, Field, ID, ObjectType } from "type-graphql";

/** catalog owns Product; an order line only points at what was bought. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}
