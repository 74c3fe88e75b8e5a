import type { EventEnvelope, TypePattern } from "./envelope";

/** Receives one event. Throwing means "not handled": the bus delivers it again later. */
export type EventHandler = (event: EventEnvelope) => Promise<void> | void;

export interface SubscribeOptions {
  /**
   * A durable consumer group (e.g. "users.notifications"): every event is handled by one member of
   * the group, in whichever process, and the group resumes where it stopped after a restart.
   * Without a group the subscription is a per-process listener that sees events published while it
   * is subscribed (e.g. fan-out to this process's websocket subscribers).
   */
  group?: string | undefined;
  /** Where a group that has never run starts: every retained event (default) or only new ones. */
  startFrom?: "earliest" | "latest" | undefined;
}

export interface Subscription {
  /** Stops delivery; waits for the handler call in flight, if any. */
  unsubscribe(): Promise<void>;
}

/**
 * The port between relays (which publish what producers committed) and consumers. Delivery is at
 * least once: handlers must be idempotent or deduplicate by event id (see `consumeOnce`).
 * Adapters: `InProcessBus` (one process, e.g. the embedded all-in-one) and `PostgresBus` (across
 * processes on one PostgreSQL); a Redis Streams or NATS JetStream adapter would map groups onto
 * their consumer groups the same way.
 */
export interface Bus {
  /** Resolves once the events are durably accepted (or, in-process, handled by every subscriber). */
  publish(events: readonly EventEnvelope[]): Promise<void>;
  /** Resolves once the subscription is live: events published after that reach it. */
  subscribe(pattern: TypePattern, handler: EventHandler, options?: SubscribeOptions): Promise<Subscription>;
  /** Ends every subscription and releases the adapter's resources. */
  close(): Promise<void>;
}
