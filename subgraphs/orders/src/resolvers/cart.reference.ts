import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { cartReference } from "../services/cart.service";

export const cartReferenceResolvers: ReferenceResolvers = {
  Cart: { __resolveReference: (ref: { id: string }, ctx: OrdersContext) => cartReference(ctx, ref.id) },
};
