import { Authenticated } from "@bazaar/subgraph-kit";
import { Args, Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { OrdersContext } from "../context";
import { Order } from "../schema/order.type";
import { OrderUpdatedArgs } from "../schema/order-updated.args";
import type { OrderDelivery } from "../services/order-feed";
import { deliveredOrder, openOrderUpdates } from "../services/order-updates.service";

@Resolver(() => Order)
export class OrderUpdatesResolver {
  @Authenticated()
  @Subscription(() => Order, {
    description:
      "One delivery per entry of the order's timeline (status and fulfillment changes), showing the order as it is now with `change` set to the entry. For its customer, admins and, once paid, its sellers (who get order-level entries and their own fulfillment's). Refused with FORBIDDEN, before anything is delivered, for an order the viewer may not see and for an unknown order alike.",
    // Runs once per subscription, before any event flows: a refusal ends it with an error and no data.
    subscribe: ({ args, context }) => {
      const { orderId, afterSequence } = args as OrderUpdatedArgs;
      return openOrderUpdates(context as OrdersContext, orderId, afterSequence);
    },
  })
  orderUpdated(
    @Root() delivery: OrderDelivery,
    @Ctx() ctx: OrdersContext,
    @Args(() => OrderUpdatedArgs) _args: OrderUpdatedArgs,
  ): Promise<Order> {
    return deliveredOrder(ctx, delivery);
  }
}
