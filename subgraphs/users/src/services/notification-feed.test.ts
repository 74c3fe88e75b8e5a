import { type EventEnvelope, InProcessBus, newEventId } from "@bazaar/events";
import { describe, expect, it } from "vitest";
import type { NotificationRow } from "../db/notification.queries";
import { attachNotificationFeed } from "./notification-feed";
import { NotificationRegistry } from "./notification-registry";

const added = (notificationId: string, userId: string): EventEnvelope => ({
  id: newEventId(),
  type: "notification.added",
  aggregateType: "Notification",
  aggregateId: notificationId,
  sequence: null,
  payload: { notificationId, userId, kind: "ORDER_PAID" },
  occurredAt: new Date(0).toISOString(),
  producer: "users",
});

const row = (id: string, userId: string): NotificationRow => ({
  id,
  userId,
  kind: "ORDER_PAID",
  title: "Title",
  body: "Body",
  link: null,
  createdAt: new Date(0),
  readAt: null,
});

describe("the notificationAdded feed", () => {
  it("reads each notification once per event for all of its user's subscribers, and nothing for users nobody watches", async () => {
    const bus = new InProcessBus();
    const registry = new NotificationRegistry();
    const loads: string[] = [];
    const stored = new Map([
      ["ntf_1", row("ntf_1", "usr_a")],
      ["ntf_2", row("ntf_2", "usr_b")],
    ]);
    const subscription = await attachNotificationFeed(bus, registry, async (id) => {
      loads.push(id);
      return stored.get(id);
    });
    const received: string[] = [];
    registry.listen("usr_a", (n) => received.push(`tab1:${n.id}`));
    registry.listen("usr_a", (n) => received.push(`tab2:${n.id}`));

    await bus.publish([added("ntf_1", "usr_a"), added("ntf_2", "usr_b")]);
    expect(loads).toEqual(["ntf_1"]);
    expect(received).toEqual(["tab1:ntf_1", "tab2:ntf_1"]);
    await subscription.unsubscribe();
  });

  it("trusts the stored row over the event: a notification is delivered only to its owner", async () => {
    const bus = new InProcessBus();
    const registry = new NotificationRegistry();
    await attachNotificationFeed(bus, registry, async () => row("ntf_1", "usr_owner"));
    const received: string[] = [];
    registry.listen("usr_claimed", (n) => received.push(n.id));
    await bus.publish([added("ntf_1", "usr_claimed"), { ...added("ntf_x", "usr_claimed"), payload: { bogus: true } }]);
    expect(received).toEqual([]);
  });
});
