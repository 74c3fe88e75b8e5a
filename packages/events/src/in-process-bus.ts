import type { Bus, EventHandler, Subscription } from "./bus";
import { type EventEnvelope, type TypePattern, typeMatcher } from "./envelope";

interface Subscriber {
  matches: (type: string) => boolean;
  handler: EventHandler;
}

/**
 * Delivers straight to handlers in this process: the bus of the embedded all-in-one (PGlite, one
 * process) and of tests. `publish` resolves only when every matching handler succeeded, so the
 * relay marks an event published only then; if any handler throws, `publish` rejects after all
 * were tried and the relay delivers the batch again (handlers that succeeded see it twice and
 * deduplicate). Groups are irrelevant in one process: every subscription is its own consumer.
 */
export class InProcessBus implements Bus {
  private readonly subscribers = new Set<Subscriber>();
  private readonly inFlight = new Set<Promise<unknown>>();

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const delivery = this.deliver(events);
    this.inFlight.add(delivery);
    try {
      await delivery;
    } finally {
      this.inFlight.delete(delivery);
    }
  }

  async subscribe(pattern: TypePattern, handler: EventHandler): Promise<Subscription> {
    const subscriber: Subscriber = { matches: typeMatcher(pattern), handler };
    this.subscribers.add(subscriber);
    return {
      unsubscribe: async () => {
        this.subscribers.delete(subscriber);
        await Promise.allSettled(this.inFlight);
      },
    };
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    await Promise.allSettled(this.inFlight);
  }

  private async deliver(events: readonly EventEnvelope[]): Promise<void> {
    const failures: unknown[] = [];
    // In order, one event at a time, so a consumer sees an aggregate's events in outbox order.
    for (const event of events) {
      for (const subscriber of [...this.subscribers]) {
        if (!subscriber.matches(event.type)) continue;
        try {
          await subscriber.handler(event);
        } catch (error) {
          failures.push(error);
        }
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} event handler call(s) failed`);
  }
}
