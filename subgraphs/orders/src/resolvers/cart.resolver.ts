import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Cart, CartLine } from "../schema/cart.type";
import { linesOfCart } from "../services/cart.service";

@Resolver(() => Cart)
export class CartResolver {
  @FieldResolver(() => [CartLine])
  lines(@Root() cart: Cart, @Ctx() ctx: OrdersContext) {
    return linesOfCart(ctx, cart.id);
  }
}
