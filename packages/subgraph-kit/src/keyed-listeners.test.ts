import { type EventEnvelope, InProcessBus, newEventId } from "@bazaar/events";
import { describe, expect, it } from "vitest";
import { type KeyedEvent, KeyedListeners } from "./keyed-listeners";

const envelope = (type: string, key: string, n: number): EventEnvelope => ({
  id: newEventId(),
  type,
  aggregateType: "Thing",
  aggregateId: key,
  sequence: n,
  payload: { n },
  occurredAt: new Date(0).toISOString(),
  producer: "test",
});

/** A registry and a recorder of what each listener got. */
function recording() {
  const listeners = new KeyedListeners<string>();
  const received = (key: string) => {
    const got: string[] = [];
    const unlisten = listeners.listen(key, (value) => got.push(value));
    return { got, unlisten };
  };
  return { listeners, received };
}

describe("KeyedListeners", () => {
  it("notifies every listener of a key and nobody else, and says how many there were", () => {
    const { listeners, received } = recording();
    const recorders = ["a", "a", "b"].map(received);
    expect(listeners.notify("a", "x")).toBe(2);
    expect(listeners.notify("nobody", "y")).toBe(0);
    expect(recorders.map((r) => r.got)).toEqual([["x"], ["x"], []]);
  });

  it("counts listeners, forgets a key with none left and unlistens idempotently", () => {
    const { listeners } = recording();
    const first = listeners.listen("a", () => {});
    const second = listeners.listen("a", () => {});
    expect([listeners.size, listeners.has("a")]).toEqual([2, true]);
    first();
    first();
    expect([listeners.size, listeners.has("a")]).toEqual([1, true]);
    second();
    expect([listeners.size, listeners.has("a")]).toEqual([0, false]);
  });

  it("is empty again after many listen/unlisten cycles", () => {
    const { listeners, received } = recording();
    for (let i = 0; i < 1000; i += 1) {
      const registered = [received(`k_${i % 7}`), received(`k_${i % 7}`), received("shared")];
      expect(listeners.size).toBe(3);
      for (const r of registered) r.unlisten();
      registered[0]?.unlisten();
      expect(listeners.size).toBe(0);
    }
    expect(listeners.notify("shared", "x")).toBe(0);
  });

  it("lets a listener unlisten while a notification is running", () => {
    const listeners = new KeyedListeners<string>();
    const received: string[] = [];
    const stop = listeners.listen("a", (value) => {
      received.push(`once:${value}`);
      stop();
    });
    listeners.listen("a", (value) => received.push(`always:${value}`));
    listeners.notify("a", "1");
    listeners.notify("a", "2");
    expect(received).toEqual(["once:1", "always:1", "always:2"]);
    expect(listeners.size).toBe(1);
  });
});

describe("KeyedListeners.offer", () => {
  /** An event for `key` whose value builds are counted. */
  const counted = (key: string, value: string | undefined, builds: string[]): KeyedEvent<string> => ({
    key,
    value: () => {
      builds.push(key);
      return value;
    },
  });

  it("builds an event's value once for all of its key's listeners, and not at all for a key nobody listens to", () => {
    const { listeners, received } = recording();
    const all = Array.from({ length: 50 }, () => received("a"));
    const builds: string[] = [];
    listeners.offer(counted("a", "x", builds));
    listeners.offer(counted("nobody", "y", builds));
    expect(builds).toEqual(["a"]);
    expect(all.every((r) => r.got.length === 1 && r.got[0] === "x")).toBe(true);
  });

  it("delivers nothing for an event without a value, and ignores an unrouted event", () => {
    const { listeners, received } = recording();
    const a = received("a");
    listeners.offer(counted("a", undefined, []));
    listeners.offer(undefined);
    expect(a.got).toEqual([]);
  });

  it("delivers a value built asynchronously once it is built, and synchronously otherwise", async () => {
    const { listeners, received } = recording();
    const a = received("a");
    listeners.offer(counted("a", "now", []));
    expect(a.got).toEqual(["now"]);
    const pending = listeners.offer({ key: "a", value: async () => "later" });
    expect(a.got).toEqual(["now"]);
    await pending;
    expect(a.got).toEqual(["now", "later"]);
  });
});

describe("KeyedListeners.feedFrom", () => {
  it("listens to the bus through one subscription, for the pattern's types, until it is unsubscribed", async () => {
    const { listeners, received } = recording();
    const bus = new InProcessBus();
    const a = received("a");
    const subscription = await listeners.feedFrom(bus, "thing.*", (e) => ({
      key: e.aggregateId,
      value: async () => `${e.type}#${e.sequence}`,
    }));
    await bus.publish([envelope("thing.made", "a", 1), envelope("other.made", "a", 2), envelope("thing.made", "b", 3)]);
    expect(a.got).toEqual(["thing.made#1"]);
    await subscription.unsubscribe();
    await bus.publish([envelope("thing.made", "a", 4)]);
    expect(a.got).toEqual(["thing.made#1"]);
  });
});
