import { Directive, Field, ID, ObjectType } from "type-graphql";

/** catalog owns ProductVariant; order and cart lines only point at the variant chosen. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class ProductVariant {
  @Field(() => ID)
  id!: string;
}
