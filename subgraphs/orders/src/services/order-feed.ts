import type { Bus, EventEnvelope, Subscription } from "@bazaar/events";
import { type KeyedEvent, KeyedListeners } from "@bazaar/subgraph-kit";
import type { OrderRow } from "../db/order.queries";
import type { ActorType, OrderEvent, OrderEventType } from "../schema/order-event.type";
import type { OrderStatus } from "../schema/order.type";

/** One timeline entry on its way to an `orderUpdated` subscriber, with the order to show it with. */
export interface OrderDelivery {
  entry: OrderEvent;
  /**
   * The order as it is now. A thunk, so an entry a subscriber skips costs nothing, and memoised, so
   * every subscriber of one event in this process shares one read of the row.
   */
  order: () => Promise<OrderRow | undefined>;
}

export type OrderDeliveryListener = (delivery: OrderDelivery) => void;

/** The bus types the feed listens to: every orders outbox message (order.placed, order.shipped, ...). */
export const ORDER_EVENT_PATTERN = "order.*";

/**
 * This process's registry of `orderUpdated` listeners by order id (see KeyedListeners), fed by one
 * bus listener. Each event hands its order's listeners the timeline entry it announces and one
 * shared, lazy read of the order.
 */
export class OrderFeed extends KeyedListeners<OrderDelivery> {
  constructor(private readonly loadOrder: (orderId: string) => Promise<OrderRow | undefined>) {
    super();
  }

  /** Hands one bus event to the listeners of its order; anything that is not an order timeline entry is ignored. */
  dispatch(envelope: EventEnvelope): void {
    this.offer(this.route(envelope));
  }

  /** The one per-process bus listener (no group: every process fans out to its own sockets). */
  attach(bus: Bus): Promise<Subscription> {
    return this.feedFrom(bus, ORDER_EVENT_PATTERN, (envelope) => this.route(envelope));
  }

  private route(envelope: EventEnvelope): KeyedEvent<OrderDelivery> {
    return {
      key: envelope.aggregateId,
      value: () => {
        const entry = timelineEntryOf(envelope);
        return entry && { entry, order: shared(() => this.loadOrder(envelope.aggregateId)) };
      },
    };
  }
}

/**
 * `load` at most once while it succeeds; a failed load is forgotten so the next caller retries
 * rather than every subscriber failing on one transient error.
 */
export function shared<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** The timeline entry an orders outbox message announces (see appendTimeline for the payload). */
export function timelineEntryOf(envelope: EventEnvelope): OrderEvent | undefined {
  const p = envelope.payload;
  const actor = p.actor as { type?: unknown; id?: unknown } | undefined;
  if (envelope.aggregateType !== "Order" || typeof envelope.sequence !== "number") return undefined;
  if (typeof p.timelineType !== "string" || typeof p.toStatus !== "string" || typeof actor?.type !== "string")
    return undefined;
  return {
    sequence: envelope.sequence,
    type: p.timelineType as OrderEventType,
    fromStatus: typeof p.fromStatus === "string" ? (p.fromStatus as OrderStatus) : null,
    toStatus: p.toStatus as OrderStatus,
    actor: { type: actor.type as ActorType, id: typeof actor.id === "string" ? actor.id : null },
    occurredAt: new Date(envelope.occurredAt),
    fulfillmentId: typeof p.fulfillmentId === "string" ? p.fulfillmentId : null,
  };
}
