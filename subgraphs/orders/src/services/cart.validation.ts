import { type Errors, isIdLike, path, userError } from "@bazaar/subgraph-kit";

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 100;

export function validateQuantity(errors: Errors, quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    errors.push(
      userError("QUANTITY_OUT_OF_RANGE", `A cart line holds 1 to ${MAX_LINE_QUANTITY} units`, path("quantity")),
    );
  }
}

export const variantNotFound = () => userError("VARIANT_NOT_FOUND", "No such product variant", path("variantId"));
export const variantUnavailable = () =>
  userError("VARIANT_UNAVAILABLE", "This product is not on sale right now", path("variantId"));
export const lineNotFound = () => userError("LINE_NOT_FOUND", "No such line in your cart", path("lineId"));

export function validateVariantId(errors: Errors, variantId: string): void {
  if (!isIdLike(variantId)) errors.push(variantNotFound());
}

export function validateLineId(errors: Errors, lineId: string): void {
  if (!isIdLike(lineId)) errors.push(lineNotFound());
}

export const insufficientStock = (available: number) =>
  userError("INSUFFICIENT_STOCK", available > 0 ? `Only ${available} left in stock` : "Out of stock", path("quantity"));
