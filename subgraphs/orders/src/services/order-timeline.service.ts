import type { OrdersContext } from "../context";
import type { OrderEventRow } from "../db/order.queries";
import type { ActorType, OrderEvent, OrderEventType } from "../schema/order-event.type";
import type { Order, OrderStatus } from "../schema/order.type";
import { orderScope, refuseUnless } from "./order-access";

export const toOrderEvent = (row: OrderEventRow): OrderEvent => ({
  sequence: row.sequence,
  type: row.type as OrderEventType,
  fromStatus: row.fromStatus as OrderStatus | null,
  toStatus: row.toStatus as OrderStatus,
  actor: { type: row.actorType as ActorType, id: row.actorId },
  occurredAt: row.createdAt,
  fulfillmentId: row.fulfillmentId,
});

/** The whole timeline, for the customer and admins; `afterSequence` skips what a client has seen. */
export async function eventsOf(ctx: OrdersContext, order: Order, afterSequence?: number | null): Promise<OrderEvent[]> {
  refuseUnless(ctx, (await orderScope(ctx, order)).kind === "FULL");
  const rows = await ctx.loaders.eventsByOrderId.load(order.id);
  return rows.filter((row) => row.sequence > (afterSequence ?? 0)).map(toOrderEvent);
}
