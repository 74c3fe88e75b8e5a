import {
  assertSellerAccess,
  assertUserAccess,
  badUserInput,
  type Connection,
  decodeCursor,
  isIdLike,
  pageSize,
  toConnection,
} from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import type { OrderCursor, OrderOwner } from "../db/order-page.queries";
import type { Order } from "../schema/order.type";
import { toOrder } from "./order.service";

interface Page {
  first?: number | null;
  after?: string | null;
}

const TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A forged cursor must be refused here, not by a failing cast in SQL. */
function decodeOrderCursor(after: string): OrderCursor {
  const [placedAt, orderId] = decodeCursor(after, 2);
  // Postgres writes the offset as "+00"; Date.parse wants "+00:00". A date that does not exist fails here, not in SQL.
  const iso = typeof placedAt === "string" ? placedAt.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00") : "";
  const valid = typeof placedAt === "string" && TIMESTAMPTZ.test(placedAt) && !Number.isNaN(Date.parse(iso));
  if (!valid || typeof orderId !== "string" || !isIdLike(orderId)) throw badUserInput("Malformed cursor", "after");
  return [placedAt as string, orderId];
}

/** One page of `owner`'s order list, newest first; the caller has checked the viewer may see it. */
async function orderList(
  ctx: OrdersContext,
  owner: OrderOwner,
  ownerId: string,
  page: Page,
): Promise<Connection<Order>> {
  const first = pageSize(page);
  const after = page.after ? decodeOrderCursor(page.after) : null;
  const loaders = ctx.loaders.orderListsOf[owner];
  const rows = await loaders.pages.load({ parentId: ownerId, limit: first + 1, after });
  for (const row of rows) ctx.loaders.orderById.prime(row.id, row);
  return toConnection(rows, {
    first,
    after: page.after,
    cursorOf: (row) => [row.placedAtKey, row.id],
    toNode: toOrder,
    totalCount: async () => (await loaders.counts.load(ownerId))?.count ?? 0,
  });
}

/** `User.orders`: the customer's orders, newest first. The user or an admin only. */
export async function ordersOfUser(ctx: OrdersContext, userId: string, page: Page): Promise<Connection<Order>> {
  assertUserAccess(ctx, userId);
  return orderList(ctx, "user", userId, page);
}

/** `Seller.orders`: paid orders with something for this seller to ship, newest first. The seller or an admin only. */
export async function ordersOfSeller(ctx: OrdersContext, sellerId: string, page: Page): Promise<Connection<Order>> {
  assertSellerAccess(ctx, sellerId);
  return orderList(ctx, "seller", sellerId, page);
}
