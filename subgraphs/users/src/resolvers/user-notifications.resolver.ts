import { Authenticated } from "@bazaar/subgraph-kit";
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { UsersContext } from "../context";
import { NotificationArgs, NotificationConnection } from "../schema/notification-connection.type";
import { User } from "../schema/user.type";
import { unreadNotificationCount, userNotifications } from "../services/notification.service";

/** A user's inbox on User; nullable like every guarded field, so a refusal nulls only the field. */
@Resolver(() => User)
export class UserNotificationsResolver {
  @Authenticated()
  @FieldResolver(() => NotificationConnection, {
    nullable: true,
    description: "Notifications, newest first. The user only.",
  })
  notifications(@Root() user: User, @Args(() => NotificationArgs) page: NotificationArgs, @Ctx() ctx: UsersContext) {
    return userNotifications(ctx, user.id, page);
  }

  @Authenticated()
  @FieldResolver(() => Int, { nullable: true, description: "Notifications not yet read. The user only." })
  unreadNotificationCount(@Root() user: User, @Ctx() ctx: UsersContext) {
    return unreadNotificationCount(ctx, user.id);
  }
}
