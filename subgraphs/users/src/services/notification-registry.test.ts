import { describe, expect, it } from "vitest";
import type { NotificationRow } from "../db/notification.queries";
import { NotificationRegistry } from "./notification-registry";
import { NotificationStream } from "./notification-stream";

const notification = (id: string, userId: string): NotificationRow => ({
  id,
  userId,
  kind: "ORDER_PAID",
  title: `Notification ${id}`,
  body: "Body",
  link: null,
  createdAt: new Date(0),
  readAt: null,
});

describe("NotificationRegistry", () => {
  it("delivers a notification to every listener of its user and to nobody else", () => {
    const registry = new NotificationRegistry();
    const received: string[] = [];
    registry.listen("usr_a", (n) => received.push(`a1:${n.id}`));
    registry.listen("usr_a", (n) => received.push(`a2:${n.id}`));
    registry.listen("usr_b", (n) => received.push(`b:${n.id}`));
    expect(registry.deliver(notification("ntf_1", "usr_a"))).toBe(2);
    expect(registry.deliver(notification("ntf_2", "usr_nobody"))).toBe(0);
    expect(received).toEqual(["a1:ntf_1", "a2:ntf_1"]);
  });
});

describe("NotificationStream", () => {
  it("yields its user's notifications in arrival order, each id once however often it is delivered", async () => {
    const registry = new NotificationRegistry();
    const stream = new NotificationStream(registry, "usr_a");
    const waiting = stream.next();
    registry.deliver(notification("ntf_1", "usr_a"));
    registry.deliver(notification("ntf_1", "usr_a"));
    registry.deliver(notification("ntf_2", "usr_b"));
    registry.deliver(notification("ntf_3", "usr_a"));
    expect((await waiting).value?.id).toBe("ntf_1");
    expect((await stream.next()).value?.id).toBe("ntf_3");
    await stream.return();
  });

  it("ends a pending next() and leaves the registry when the subscriber leaves", async () => {
    const registry = new NotificationRegistry();
    const stream = new NotificationStream(registry, "usr_a");
    expect(registry.size).toBe(1);
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(registry.size).toBe(0);
    registry.deliver(notification("ntf_1", "usr_a"));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it("keeps the newest notifications when a slow subscriber falls too far behind", async () => {
    const registry = new NotificationRegistry();
    const stream = new NotificationStream(registry, "usr_a", { maxQueued: 2 });
    for (const id of ["ntf_1", "ntf_2", "ntf_3"]) registry.deliver(notification(id, "usr_a"));
    expect((await stream.next()).value?.id).toBe("ntf_2");
    expect((await stream.next()).value?.id).toBe("ntf_3");
    await stream.return();
  });
});
