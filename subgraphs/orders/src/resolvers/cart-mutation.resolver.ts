import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { OrdersContext } from "../context";
import { AddToCartInput, MergeCartInput, RemoveCartLineInput, UpdateCartLineInput } from "../schema/cart.input";
import {
  AddToCartPayload,
  MergeCartPayload,
  RemoveCartLinePayload,
  UpdateCartLinePayload,
} from "../schema/cart.payload";
import { mergeCart } from "../services/cart-merge.service";
import { addToCart, removeCartLine, updateCartLine } from "../services/cart-write.service";

/** Guests shop with a cart token (x-cart-token header); signed-in customers with their own cart. */
@Resolver()
export class CartMutationResolver {
  @Mutation(() => AddToCartPayload, {
    description: "Adds units of a variant; the first addition of a guest creates a cart and returns its token.",
  })
  addToCart(@Arg("input", () => AddToCartInput) input: AddToCartInput, @Ctx() ctx: OrdersContext) {
    return addToCart(ctx, input);
  }

  @Mutation(() => UpdateCartLinePayload)
  updateCartLine(@Arg("input", () => UpdateCartLineInput) input: UpdateCartLineInput, @Ctx() ctx: OrdersContext) {
    return updateCartLine(ctx, input);
  }

  @Mutation(() => RemoveCartLinePayload)
  removeCartLine(@Arg("input", () => RemoveCartLineInput) input: RemoveCartLineInput, @Ctx() ctx: OrdersContext) {
    return removeCartLine(ctx, input);
  }

  @Authenticated()
  @Mutation(() => MergeCartPayload, {
    description:
      "After sign-in: moves the guest cart into the customer's. Quantities are summed and capped by stock (and 99); lines that could not come along are reported in userErrors, the rest is merged. The guest token stops working.",
  })
  mergeCart(@Arg("input", () => MergeCartInput) input: MergeCartInput, @Ctx() ctx: OrdersContext) {
    return mergeCart(ctx, input);
  }
}
