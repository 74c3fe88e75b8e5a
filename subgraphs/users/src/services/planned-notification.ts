import type { NotificationDraft, Recipients } from "../db/notification-write.queries";
import type { NotificationKind } from "./notification-kind";

/** One notification to send: what it says and who gets it. */
export interface PlannedNotification {
  recipients: Recipients;
  draft: NotificationDraft;
}

export const draft = (kind: NotificationKind, title: string, body: string, link: string | null): NotificationDraft => ({
  kind,
  title,
  body,
  link,
});
