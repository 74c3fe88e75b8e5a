import { connectionType, PageArgs } from "@bazaar/subgraph-kit";
import { ArgsType, Field } from "type-graphql";
import { Notification } from "./notification.type";

/** A user's notifications, newest first. */
export const NotificationConnection = connectionType(Notification, "Notification");

@ArgsType()
export class NotificationArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Only notifications not yet read." })
  unreadOnly?: boolean | null;
}
