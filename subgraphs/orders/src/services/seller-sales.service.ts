import type { OrdersContext } from "../context";
import type { Seller } from "../schema/seller.stub";

/**
 * sellers owns Seller and decides whether one exists; orders only answers the fields it adds,
 * so any id resolves (a seller with no sales simply has a count of 0).
 */
export function sellerReference(id: string): Seller {
  return { id };
}

/** Units sold in paid or completed orders (see SOLD_ORDER_STATUSES). */
export async function salesCountOf(ctx: OrdersContext, sellerId: string): Promise<number> {
  return (await ctx.loaders.unitsSoldBySellerId.load(sellerId))?.units ?? 0;
}
