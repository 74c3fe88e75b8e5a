import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import type { SellersContext } from "../context";
import { SellerLookupArgs, SellersArgs } from "../schema/seller.args";
import { SellerConnection } from "../schema/seller-connection.type";
import { Seller } from "../schema/seller.type";
import { findSeller, listSellers } from "../services/seller.service";

@Resolver(() => Seller)
export class SellerResolver {
  @Directive('@tag(name: "partner")')
  @Query(() => Seller, { nullable: true, description: "An active seller by id or slug (pass exactly one)." })
  seller(@Args(() => SellerLookupArgs) args: SellerLookupArgs, @Ctx() ctx: SellersContext) {
    return findSeller(ctx, args);
  }

  @Directive('@tag(name: "partner")')
  @Query(() => SellerConnection, { description: "Active sellers by name." })
  sellers(@Args(() => SellersArgs) args: SellersArgs, @Ctx() ctx: SellersContext) {
    return listSellers(ctx, args);
  }
}
