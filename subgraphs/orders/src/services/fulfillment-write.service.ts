import type { tables } from "@bazaar/drizzle";
import {
  abortWith,
  assertSellerAccess,
  boundedText,
  type Errors,
  isIdLike,
  transactionOrUserErrors,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { findFulfillmentsByIds, type FulfillmentRow } from "../db/order.queries";
import { findFulfillmentsOfOrder, lockFulfillment, lockOrder, updateFulfillment } from "../db/order-write.queries";
import type { Fulfillment } from "../schema/fulfillment.type";
import type { Order } from "../schema/order.type";
import { actorOf } from "./actor";
import { toFulfillment } from "./fulfillment.service";
import { SHIPPABLE } from "./order-state";
import { transition } from "./order-transition";
import { freshOrder } from "./order-write.common";

export interface FulfillmentResult {
  fulfillment: Fulfillment | null;
  order: Order | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): FulfillmentResult => ({ fulfillment: null, order: null, userErrors });
const notFound = () => userError("FULFILLMENT_NOT_FOUND", "No such fulfillment", ["input", "fulfillmentId"]);
const wrongState = (message: string) => userError("INVALID_FULFILLMENT_STATE", message, ["input", "fulfillmentId"]);

type Step = (
  tx: OrdersContext["db"],
  fulfillment: FulfillmentRow,
) => Promise<{ changes: Partial<FulfillmentRow>; type: string }>;

/**
 * Moves one seller's fulfillment forward (its seller or an admin), as a timeline event of the order.
 * The order's row lock serialises it with payments, cancellation and the other fulfillments.
 */
async function advance(ctx: OrdersContext, fulfillmentId: string, step: Step): Promise<FulfillmentResult> {
  const [found] = isIdLike(fulfillmentId) ? await findFulfillmentsByIds(ctx.db, [fulfillmentId]) : [];
  if (!found) return failed(notFound());
  assertSellerAccess(ctx, found.sellerId);
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const order = await lockOrder(tx, found.orderId);
    const fulfillment = await lockFulfillment(tx, found.id);
    if (!order || !fulfillment) return abortWith(notFound());
    if (!SHIPPABLE.includes(order.status as tables.OrderStatus)) {
      abortWith(wrongState(`The order is ${order.status.toLowerCase().replaceAll("_", " ")}; only paid orders ship`));
    }
    const { changes, type } = await step(tx, fulfillment);
    const [updated] = await updateFulfillment(tx, fulfillment.id, changes);
    const actor = actorOf(ctx, order.userId);
    const all = await findFulfillmentsOfOrder(tx, order.id);
    const after = await transition(tx, order, {}, { type, actor, fulfillmentId: fulfillment.id, fulfillments: all });
    const done = all.every((f) => f.status === "DELIVERED" || f.status === "CANCELLED");
    if (type === "FULFILLMENT_DELIVERED" && done && after.status === "PAID") {
      await transition(tx, after, { status: "COMPLETED" }, { type: "ORDER_COMPLETED", actor, fulfillments: all });
    }
    return updated as FulfillmentRow;
  });
  if (!outcome.ok) return failed(...outcome.userErrors);
  ctx.loaders.fulfillmentById.clear(found.id);
  return { fulfillment: toFulfillment(outcome.value), order: await freshOrder(ctx, found.orderId), userErrors: [] };
}

export function markFulfillmentShipped(
  ctx: OrdersContext,
  input: { fulfillmentId: string; trackingNumber?: string | null },
) {
  const errors: Errors = [];
  const trackingNumber = boundedText(errors, "trackingNumber", input.trackingNumber, 100, { optional: true });
  if (errors.length > 0) return Promise.resolve(failed(...errors));
  return advance(ctx, input.fulfillmentId, async (_tx, fulfillment) => {
    if (fulfillment.status !== "UNFULFILLED")
      abortWith(wrongState(`This fulfillment is ${fulfillment.status.toLowerCase()}`));
    return { changes: { status: "SHIPPED", trackingNumber, shippedAt: new Date() }, type: "FULFILLMENT_SHIPPED" };
  });
}

export function markFulfillmentDelivered(ctx: OrdersContext, input: { fulfillmentId: string }) {
  return advance(ctx, input.fulfillmentId, async (_tx, fulfillment) => {
    if (fulfillment.status !== "SHIPPED") abortWith(wrongState(`Only a shipped fulfillment can be delivered`));
    return { changes: { status: "DELIVERED", deliveredAt: new Date() }, type: "FULFILLMENT_DELIVERED" };
  });
}
