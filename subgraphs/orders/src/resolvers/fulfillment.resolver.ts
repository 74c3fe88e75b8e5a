import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Fulfillment } from "../schema/fulfillment.type";
import { OrderLine } from "../schema/order-line.type";
import { Order } from "../schema/order.type";
import { linesOfFulfillment, orderOfFulfillment } from "../services/fulfillment.service";

@Resolver(() => Fulfillment)
export class FulfillmentResolver {
  @FieldResolver(() => [OrderLine], { description: "The order lines this fulfillment ships." })
  lines(@Root() fulfillment: Fulfillment, @Ctx() ctx: OrdersContext) {
    return linesOfFulfillment(ctx, fulfillment);
  }

  @FieldResolver(() => Order)
  order(@Root() fulfillment: Fulfillment, @Ctx() ctx: OrdersContext) {
    return orderOfFulfillment(ctx, fulfillment);
  }
}
