import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Fulfillment } from "../schema/fulfillment.type";
import { OrderEvent } from "../schema/order-event.type";
import { OrderLine } from "../schema/order-line.type";
import { Order } from "../schema/order.type";
import { Payment } from "../schema/payment.type";
import { ShippingAddress } from "../schema/shipping-address.type";
import { fulfillmentsOfOrder } from "../services/fulfillment.service";
import { findOrder, linesOfOrder, paymentOf, shippingAddressOf } from "../services/order.service";
import { eventsOf } from "../services/order-timeline.service";

@Resolver(() => Order)
export class OrderResolver {
  @Authenticated()
  @Query(() => Order, {
    nullable: true,
    description: "An order, for its customer, the sellers in it (their part only) and admins; null if unknown.",
  })
  order(@Arg("id", () => ID) id: string, @Ctx() ctx: OrdersContext) {
    return findOrder(ctx, id);
  }

  @FieldResolver(() => [OrderLine], { description: "A seller sees only their own lines." })
  lines(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return linesOfOrder(ctx, order);
  }

  @FieldResolver(() => [Fulfillment], { description: "One per seller in the order; a seller sees only their own." })
  fulfillments(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return fulfillmentsOfOrder(ctx, order);
  }

  @Authenticated()
  @FieldResolver(() => ShippingAddress, {
    nullable: true,
    description: "The customer, the order's sellers and admins.",
  })
  shippingAddress(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return shippingAddressOf(ctx, order);
  }

  @Authenticated()
  @FieldResolver(() => Payment, {
    nullable: true,
    description: "The latest payment attempt. The customer and admins only.",
  })
  payment(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return paymentOf(ctx, order);
  }

  @FieldResolver(() => OrderEvent, {
    nullable: true,
    description:
      "In an orderUpdated delivery: the timeline entry this delivery announces (its `sequence` lets a client resume with afterSequence). Null elsewhere.",
  })
  change(@Root() order: Order): OrderEvent | null {
    return order.change ?? null;
  }

  @Authenticated()
  @FieldResolver(() => [OrderEvent], {
    nullable: true,
    description: "The timeline, oldest first. The customer and admins only.",
  })
  events(
    @Root() order: Order,
    @Ctx() ctx: OrdersContext,
    @Arg("afterSequence", () => Int, { nullable: true, description: "Only events after this sequence number." })
    afterSequence?: number | null,
  ) {
    return eventsOf(ctx, order, afterSequence);
  }
}
