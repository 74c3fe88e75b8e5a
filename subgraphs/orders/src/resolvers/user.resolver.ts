import { Authenticated, PageArgs } from "@bazaar/subgraph-kit";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Cart } from "../schema/cart.type";
import { OrderConnection } from "../schema/order-connection.type";
import { User } from "../schema/user.stub";
import { cartOfUser } from "../services/cart.service";
import { ordersOfUser } from "../services/order-list.service";

/** A customer's private shopping data: the user or an admin only. */
@Resolver(() => User)
export class UserOrdersResolver {
  @Authenticated()
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description: "Orders, newest first. The user or an admin only.",
  })
  orders(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: OrdersContext) {
    return ordersOfUser(ctx, user.id, page);
  }

  @Authenticated()
  @FieldResolver(() => Cart, {
    nullable: true,
    description: "The current cart; null before the first addition. The user or an admin only.",
  })
  cart(@Root() user: User, @Ctx() ctx: OrdersContext) {
    return cartOfUser(ctx, user.id);
  }
}
