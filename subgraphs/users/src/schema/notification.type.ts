import { Field, ID, ObjectType } from "type-graphql";
import { NotificationKind } from "./notification-kind.enum";

/** A message in a user's inbox, created from marketplace events (orders, store applications, wishlist). */
@ObjectType({ description: "A message in the signed-in user's inbox." })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => String, { description: "One line, plain text." })
  title!: string;

  @Field(() => String, { description: "A sentence or two, plain text." })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the client takes the user: a storefront route such as /orders/<id>, /products/<slug> or /seller.",
  })
  link!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the user first marked it read; null while unread." })
  readAt!: Date | null;
}
