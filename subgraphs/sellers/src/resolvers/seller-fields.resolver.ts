import { assertUserAccess } from "@bazaar/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SellersContext } from "../context";
import { Seller } from "../schema/seller.type";

/** Seller fields only its owner and admins may read. */
@Resolver(() => Seller)
export class SellerPrivateFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Why the application was rejected; the store's owner and admins only.",
  })
  rejectionReason(@Root() seller: Seller, @Ctx() ctx: SellersContext): string | null {
    assertUserAccess(ctx, seller.userId);
    return seller.rejectionReason;
  }
}
