import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A node of the category tree products are filed under." })
export class Category {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  /** Parent category id (null for a root); exposed through the `parent` field. */
  parentId!: string | null;
}
