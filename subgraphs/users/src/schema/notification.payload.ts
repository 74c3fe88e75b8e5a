import { UserError } from "@bazaar/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Notification } from "./notification.type";

@ObjectType()
export class MarkNotificationReadPayload {
  @Field(() => Notification, { nullable: true })
  notification?: Notification | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class MarkAllNotificationsReadPayload {
  @Field(() => Int, { description: "How many notifications went from unread to read." })
  markedCount!: number;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
