import { Money } from "@bazaar/subgraph-kit";
import { Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Cart, CartLine } from "../schema/cart.type";
import { cartSubtotal, cartTotalQuantity, currentCart, linesOfCart } from "../services/cart.service";

@Resolver(() => Cart)
export class CartResolver {
  @Query(() => Cart, {
    nullable: true,
    description:
      "The caller's cart: a signed-in customer's own, else the guest cart named by the x-cart-token header; null when there is none yet.",
  })
  cart(@Ctx() ctx: OrdersContext) {
    return currentCart(ctx);
  }

  @FieldResolver(() => [CartLine], { description: "Oldest first." })
  lines(@Root() cart: Cart, @Ctx() ctx: OrdersContext) {
    return linesOfCart(ctx, cart.id);
  }

  @FieldResolver(() => Int, { description: "Units across all lines." })
  totalQuantity(@Root() cart: Cart, @Ctx() ctx: OrdersContext) {
    return cartTotalQuantity(ctx, cart);
  }

  @FieldResolver(() => Money, {
    description: "What the lines that can be bought now cost at catalog's current prices; computed on the server.",
  })
  subtotal(@Root() cart: Cart, @Ctx() ctx: OrdersContext) {
    return cartSubtotal(ctx, cart);
  }
}
