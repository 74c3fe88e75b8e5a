import { Authenticated, RequiresRole } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { OrdersContext } from "../context";
import {
  CancelOrderInput,
  MarkFulfillmentDeliveredInput,
  MarkFulfillmentShippedInput,
  RefundOrderInput,
} from "../schema/order.input";
import {
  CancelOrderPayload,
  MarkFulfillmentDeliveredPayload,
  MarkFulfillmentShippedPayload,
  RefundOrderPayload,
} from "../schema/order.payload";
import { markFulfillmentDelivered, markFulfillmentShipped } from "../services/fulfillment-write.service";
import { cancelOrder } from "../services/order-cancel.service";
import { refundOrder } from "../services/order-refund.service";

@Resolver()
export class OrderMutationResolver {
  @Authenticated()
  @Mutation(() => CancelOrderPayload, {
    description: "Its customer or an admin, before anything shipped: releases or restocks, refunds what was paid.",
  })
  cancelOrder(@Arg("input", () => CancelOrderInput) input: CancelOrderInput, @Ctx() ctx: OrdersContext) {
    return cancelOrder(ctx, input);
  }

  @RequiresRole("ADMIN")
  @Mutation(() => RefundOrderPayload, { description: "Admins: refunds all or part of a paid order." })
  refundOrder(@Arg("input", () => RefundOrderInput) input: RefundOrderInput, @Ctx() ctx: OrdersContext) {
    return refundOrder(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MarkFulfillmentShippedPayload, { description: "The fulfillment's seller or an admin." })
  markFulfillmentShipped(
    @Arg("input", () => MarkFulfillmentShippedInput) input: MarkFulfillmentShippedInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return markFulfillmentShipped(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MarkFulfillmentDeliveredPayload, {
    description: "The fulfillment's seller or an admin; the last delivery completes a paid order.",
  })
  markFulfillmentDelivered(
    @Arg("input", () => MarkFulfillmentDeliveredInput) input: MarkFulfillmentDeliveredInput,
    @Ctx() ctx: OrdersContext,
  ) {
    return markFulfillmentDelivered(ctx, input);
  }
}
