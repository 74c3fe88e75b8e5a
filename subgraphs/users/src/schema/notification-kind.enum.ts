import { registerEnumType } from "type-graphql";
import { NotificationKind } from "../services/notification-kind";

registerEnumType(NotificationKind, {
  name: "NotificationKind",
  description: "What a notification is about; clients pick an icon and a default action by it.",
});

export { NotificationKind };
