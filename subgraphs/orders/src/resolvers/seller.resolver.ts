import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { OrdersContext } from "../context";
import { Seller } from "../schema/seller.stub";
import { salesCountOf } from "../services/seller-sales.service";

/** Public store statistics that only orders can compute. */
@Resolver(() => Seller)
export class SellerSalesResolver {
  @FieldResolver(() => Int, {
    description: "Units sold in paid or completed orders; cancelled, refunded and unpaid orders do not count.",
  })
  salesCount(@Root() seller: Seller, @Ctx() ctx: OrdersContext) {
    return salesCountOf(ctx, seller.id);
  }
}
