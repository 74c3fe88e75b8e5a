import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Fulfillment } from "../schema/fulfillment.type";
import { OrderEvent } from "../schema/order-event.type";
import { fulfillmentReference } from "../services/fulfillment.service";

@Resolver(() => OrderEvent)
export class OrderEventResolver {
  @FieldResolver(() => Fulfillment, { nullable: true, description: "The fulfillment it concerns, if any." })
  fulfillment(@Root() event: OrderEvent, @Ctx() ctx: OrdersContext) {
    return event.fulfillmentId ? fulfillmentReference(ctx, event.fulfillmentId) : null;
  }
}
