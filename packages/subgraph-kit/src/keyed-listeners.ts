import type { Bus, EventEnvelope, Subscription, TypePattern } from "@bazaar/events";

export type KeyedListener<T> = (value: T) => void;

/** Where one bus event goes (`key`: an order id, a user id) and what its listeners there get. */
export interface KeyedEvent<T> {
  key: string;
  /**
   * What the key's listeners get. Called only when this process has listeners for `key`, and once
   * for all of them (so an entity is read once per event, not once per subscriber); `undefined`
   * delivers nothing.
   */
  value: () => T | undefined | Promise<T | undefined>;
}

/**
 * A process's registry of subscription listeners by key, fed by one per-process bus listener
 * (`feedFrom`). An event costs O(listeners of its key), however many listeners other keys have.
 * Listeners must be quick (they queue); anything slow happens when their subscriber pulls.
 */
export class KeyedListeners<T> {
  private readonly byKey = new Map<string, Set<KeyedListener<T>>>();
  private listeners = 0;

  /** Listeners registered right now, over all keys. */
  get size(): number {
    return this.listeners;
  }

  /** Whether anyone in this process listens for `key`. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Registers `listener` for `key`; the returned function removes it (idempotent). */
  listen(key: string, listener: KeyedListener<T>): () => void {
    let set = this.byKey.get(key);
    if (!set) {
      set = new Set();
      this.byKey.set(key, set);
    }
    set.add(listener);
    this.listeners += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      const current = this.byKey.get(key);
      if (!current?.delete(listener)) return;
      this.listeners -= 1;
      if (current.size === 0) this.byKey.delete(key);
    };
  }

  /** Hands `value` to every listener of `key` and returns how many there were. */
  notify(key: string, value: T): number {
    const listeners = this.byKey.get(key);
    if (!listeners) return 0;
    // A copy: a listener may unlisten (itself or another) while this loop runs.
    const current = [...listeners];
    for (const listener of current) listener(value);
    return current.length;
  }

  /**
   * Delivers one routed event: builds its value only if someone listens for its key, then hands it
   * to them. Synchronous when the value is, so a synchronous feed stays synchronous.
   */
  offer(event: KeyedEvent<T> | undefined): void | Promise<void> {
    if (!event || !this.has(event.key)) return;
    const value = event.value();
    if (value instanceof Promise) {
      return value.then((built) => {
        if (built !== undefined) this.notify(event.key, built);
      });
    }
    if (value !== undefined) this.notify(event.key, value);
  }

  /**
   * The one per-process bus listener feeding this registry (no group: every process fans out to
   * its own sockets). `route` says which key an event is for, or `undefined` to ignore it.
   */
  feedFrom(
    bus: Bus,
    pattern: TypePattern,
    route: (envelope: EventEnvelope) => KeyedEvent<T> | undefined,
  ): Promise<Subscription> {
    return bus.subscribe(pattern, (envelope) => this.offer(route(envelope)));
  }
}
