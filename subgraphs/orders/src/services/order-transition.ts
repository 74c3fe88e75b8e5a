import type { Database, tables } from "@bazaar/drizzle";
import type { OrderRow } from "../db/order.queries";
import { type OrderChanges, recordTransition, type TimelineEvent } from "../db/order-write.queries";
import { canTransition, IllegalTransitionError } from "./order-state";

/**
 * Changes a locked order and writes the timeline entry and outbox message for it, refusing any
 * status change the state machine does not allow. Events without a status change (a payment that
 * needs action, a shipment) keep the status and still get their sequence number.
 */
export function transition(
  db: Database,
  order: OrderRow,
  changes: OrderChanges,
  event: TimelineEvent,
): Promise<OrderRow> {
  const from = order.status as tables.OrderStatus;
  const to = changes.status;
  if (to && to !== from && !canTransition(from, to)) throw new IllegalTransitionError(from, to);
  if (to === from && !canTransition(from, to)) {
    // Same status again (e.g. a second partial refund) is only an event where the machine allows it.
    const { status: _same, ...rest } = changes;
    return recordTransition(db, order, rest, event);
  }
  return recordTransition(db, order, changes, event);
}
