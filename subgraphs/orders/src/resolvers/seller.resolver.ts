import { Authenticated, PageArgs } from "@bazaar/subgraph-kit";
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { OrderConnection } from "../schema/order-connection.type";
import { Seller } from "../schema/seller.stub";
import { ordersOfSeller } from "../services/order-list.service";
import { salesCountOf } from "../services/seller-sales.service";

/** Store statistics and orders that only orders can answer. */
@Resolver(() => Seller)
export class SellerSalesResolver {
  @FieldResolver(() => Int, {
    description: "Units sold in paid or completed orders; cancelled, refunded and unpaid orders do not count.",
  })
  salesCount(@Root() seller: Seller, @Ctx() ctx: OrdersContext) {
    return salesCountOf(ctx, seller.id);
  }

  @Authenticated()
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description:
      "Paid orders with something for this seller to ship, newest first; each shows only this seller's part. The seller or an admin only.",
  })
  orders(@Root() seller: Seller, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: OrdersContext) {
    return ordersOfSeller(ctx, seller.id, page);
  }
}
