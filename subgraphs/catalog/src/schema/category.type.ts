import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@tag(name: "partner")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A node of the category tree products are filed under." })
export class Category {
  @Directive('@tag(name: "partner")')
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  name!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  /** Parent category id (null for a root); exposed through the `parent` field. */
  parentId!: string | null;
}
