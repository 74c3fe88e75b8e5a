import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Fulfillment } from "../schema/fulfillment.type";
import { OrderLine } from "../schema/order-line.type";
import { Order } from "../schema/order.type";
import { fulfillmentsOfOrder } from "../services/fulfillment.service";
import { linesOfOrder } from "../services/order.service";

@Resolver(() => Order)
export class OrderResolver {
  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return linesOfOrder(ctx, order.id);
  }

  @FieldResolver(() => [Fulfillment], { description: "One per seller in the order." })
  fulfillments(@Root() order: Order, @Ctx() ctx: OrdersContext) {
    return fulfillmentsOfOrder(ctx, order.id);
  }
}
