import { PageArgs } from "@bazaar/subgraph-kit";
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { ProductConnection } from "../schema/product-connection.type";
import { Seller } from "../schema/seller.stub";
import { sellerProducts } from "../services/product-list.service";

@Resolver(() => Seller)
export class SellerProductsResolver {
  @Directive('@tag(name: "partner")')
  @FieldResolver(() => ProductConnection, { description: "The seller's active products, newest first." })
  products(@Root() seller: Seller, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    return sellerProducts(ctx, seller.id, page);
  }
}
