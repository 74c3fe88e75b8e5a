import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { UsersContext } from "../context";
import { AddToWishlistInput, RemoveFromWishlistInput } from "../schema/wishlist.input";
import { AddToWishlistPayload, RemoveFromWishlistPayload } from "../schema/wishlist.payload";
import { addToWishlist, removeFromWishlist } from "../services/wishlist.service";

@Resolver()
export class WishlistResolver {
  @Authenticated()
  @Mutation(() => AddToWishlistPayload)
  addToWishlist(@Arg("input", () => AddToWishlistInput) input: AddToWishlistInput, @Ctx() ctx: UsersContext) {
    return addToWishlist(ctx, input.productId);
  }

  @Authenticated()
  @Mutation(() => RemoveFromWishlistPayload)
  removeFromWishlist(
    @Arg("input", () => RemoveFromWishlistInput) input: RemoveFromWishlistInput,
    @Ctx() ctx: UsersContext,
  ) {
    return removeFromWishlist(ctx, input.productId);
  }
}
