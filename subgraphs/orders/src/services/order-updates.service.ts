import type { Database } from "@bazaar/drizzle";
import { badUserInput, forbidden, isIdLike, notFound, unauthenticated } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { findOrderEventsAfter, findOrdersByIds } from "../db/order.queries";
import type { Order } from "../schema/order.type";
import { orderScope } from "./order-access";
import { type OrderDelivery, shared } from "./order-feed";
import { toOrder } from "./order.service";
import { toOrderEvent } from "./order-timeline.service";
import { OrderUpdateStream } from "./order-update-stream";

/**
 * `orderUpdated(orderId, afterSequence)`: authorizes the viewer before anything flows, then streams
 * one delivery per timeline entry: the entries after `afterSequence` from the timeline first (when
 * given), then live ones; without it, live entries only (those after the order's state when the
 * subscription started).
 *
 * Anonymous → UNAUTHENTICATED. An order the viewer may not see and an order that does not exist
 * are both FORBIDDEN, so a subscription never reveals which order ids exist. The customer and
 * admins get every entry; a seller of a paid order (as `orderScope`) gets order-level entries and
 * their own fulfillment's, never another seller's.
 */
export async function openOrderUpdates(
  ctx: OrdersContext,
  orderId: string,
  afterSequence?: number | null,
): Promise<OrderUpdateStream> {
  if (!ctx.viewer) throw unauthenticated();
  if (afterSequence != null && afterSequence < 0)
    throw badUserInput("afterSequence cannot be negative", "afterSequence");
  const db = ctx.db;
  // Listening before the order is read: whatever commits after that read reaches the stream, live
  // or through the timeline, so nothing falls between the replay and the live entries.
  const stream = new OrderUpdateStream({
    feed: ctx.orderFeed,
    orderId,
    readAfter: (sequence, limit) => timelineAfter(db, orderId, sequence, limit),
  });
  try {
    const row = isIdLike(orderId) ? await ctx.loaders.orderById.load(orderId) : null;
    const scope = row ? await orderScope(ctx, row) : ({ kind: "NONE" } as const);
    if (!row || scope.kind === "NONE") throw forbidden();
    let keep: ((entry: { fulfillmentId: string | null }) => boolean) | undefined;
    if (scope.kind === "SELLER") {
      const own = new Set(
        (await ctx.loaders.fulfillmentsByOrderId.load(orderId))
          .filter((f) => f.sellerId === scope.sellerId)
          .map((f) => f.id),
      );
      keep = (entry) => entry.fulfillmentId === null || own.has(entry.fulfillmentId);
    }
    return stream.start({ after: afterSequence ?? row.eventSequence, replay: afterSequence != null, keep });
  } catch (error) {
    await stream.return();
    throw error;
  }
}

/** Timeline entries after `sequence`; the entries of one read share one read of the order row. */
async function timelineAfter(db: Database, orderId: string, sequence: number, limit: number): Promise<OrderDelivery[]> {
  const rows = await findOrderEventsAfter(db, orderId, sequence, limit);
  const order = shared(async () => (await findOrdersByIds(db, [orderId]))[0]);
  return rows.map((row) => ({ entry: toOrderEvent(row), order }));
}

/**
 * The Order one delivery shows: as it is now, plus the entry it announces. The row, read once per
 * event for every subscriber in this process, primes this delivery's own loader, so the Order's
 * fields (and their per-viewer rules) read it without another statement.
 */
export async function deliveredOrder(ctx: OrdersContext, delivery: OrderDelivery): Promise<Order> {
  const row = await delivery.order();
  if (!row) throw notFound("Order");
  ctx.loaders.orderById.prime(row.id, row);
  return { ...toOrder(row), change: delivery.entry };
}
