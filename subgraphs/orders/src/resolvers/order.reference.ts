import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import type { OrdersContext } from "../context";
import { fulfillmentReference } from "../services/fulfillment.service";
import { orderReference } from "../services/order.service";

export const orderReferenceResolvers: ReferenceResolvers = {
  Order: { __resolveReference: (ref: { id: string }, ctx: OrdersContext) => orderReference(ctx, ref.id) },
  Fulfillment: { __resolveReference: (ref: { id: string }, ctx: OrdersContext) => fulfillmentReference(ctx, ref.id) },
};
