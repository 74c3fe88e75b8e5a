import { Field, ID, InputType } from "type-graphql";

@InputType()
export class MarkNotificationReadInput {
  @Field(() => ID, {
    description: "One of the signed-in user's notifications; marking it again keeps its first readAt.",
  })
  notificationId!: string;
}

@InputType()
export class MarkAllNotificationsReadInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The newest notification the client has shown: it and everything older is marked read, so one that arrived meanwhile stays unread. Omitted: every notification.",
  })
  upToNotificationId?: string | null;
}
