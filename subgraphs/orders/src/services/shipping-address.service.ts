import type { tables } from "@bazaar/drizzle";
import { InternalCallError } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import type { CheckoutRequest } from "./checkout.validation";

/**
 * The address an order ships to, copied at checkout: typed in, or taken from the customer's
 * address book, which users owns (asked with the customer's own token, so users decides whose it is).
 */
export async function resolveShippingAddress(
  ctx: OrdersContext,
  request: CheckoutRequest,
): Promise<tables.AddressSnapshot | null> {
  if (request.shippingAddress) return request.shippingAddress;
  if (!request.shippingAddressId || !ctx.authorization) return null;
  try {
    return await ctx.addressBook.findAddress(ctx.authorization, request.shippingAddressId);
  } catch (error) {
    if (error instanceof InternalCallError) {
      console.error(JSON.stringify({ level: "error", msg: "address book lookup failed", error: error.message }));
      throw error.toGraphQLError("Your address book cannot be reached right now; try again shortly");
    }
    throw error;
  }
}
