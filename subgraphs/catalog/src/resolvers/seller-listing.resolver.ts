import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { CatalogContext } from "../context";
import { SyncSellerStatusInput } from "../schema/seller-listing.input";
import { SyncSellerStatusPayload } from "../schema/seller-listing.payload";
import { syncSellerStatus } from "../services/seller-listing.service";

/** Internal, like the stock API: sellers tells catalog whose products may be shown. */
@Resolver()
export class SellerListingResolver {
  @Directive("@inaccessible")
  @Mutation(() => SyncSellerStatusPayload, { description: "Records a seller's status; only ACTIVE sellers' products are listed." })
  syncSellerStatus(@Arg("input", () => SyncSellerStatusInput) input: SyncSellerStatusInput, @Ctx() ctx: CatalogContext) {
    return syncSellerStatus(ctx, input);
  }
}
