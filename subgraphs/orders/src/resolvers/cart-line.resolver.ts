import { Money } from "@bazaar/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { CartLine } from "../schema/cart.type";
import { lineAvailable, lineTotal, lineUnitPrice } from "../services/cart.service";

/** Live figures: every line of a request is priced by one batched call to catalog. */
@Resolver(() => CartLine)
export class CartLineResolver {
  @FieldResolver(() => Money, { nullable: true, description: "Catalog's current price; null if the variant is gone." })
  unitPrice(@Root() line: CartLine, @Ctx() ctx: OrdersContext) {
    return lineUnitPrice(ctx, line);
  }

  @FieldResolver(() => Money, { nullable: true, description: "unitPrice × quantity." })
  total(@Root() line: CartLine, @Ctx() ctx: OrdersContext) {
    return lineTotal(ctx, line);
  }

  @FieldResolver(() => Boolean, { description: "On sale with enough in stock for this quantity right now." })
  available(@Root() line: CartLine, @Ctx() ctx: OrdersContext) {
    return lineAvailable(ctx, line);
  }
}
