import { createHash } from "node:crypto";
import type { tables } from "@bazaar/drizzle";
import {
  type Errors,
  isIdLike,
  type PostalAddress,
  type PostalAddressInput,
  path,
  userError,
  validatePostalAddress,
} from "@bazaar/subgraph-kit";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export interface CheckoutRequest {
  idempotencyKey: string;
  shippingAddressId: string | null;
  shippingAddress: PostalAddress | null;
}

export function validateCheckout(input: {
  idempotencyKey: string;
  shippingAddressId?: string | null;
  shippingAddress?: PostalAddressInput | null;
}): { errors: Errors; value: CheckoutRequest } {
  const errors: Errors = [];
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    errors.push(userError("INVALID_IDEMPOTENCY_KEY", "Use 8–100 letters, digits, - _ . or :", path("idempotencyKey")));
  }
  const byId = input.shippingAddressId ?? null;
  const typed = input.shippingAddress ?? null;
  if ((byId === null) === (typed === null)) {
    errors.push(
      userError(
        "SHIPPING_ADDRESS_REQUIRED",
        "Pass exactly one of shippingAddressId or shippingAddress",
        path("shippingAddress"),
      ),
    );
  }
  if (byId !== null && !isIdLike(byId)) errors.push(addressNotFound());
  const address = typed ? validatePostalAddress(typed, ["shippingAddress"]) : null;
  if (address) errors.push(...address.errors);
  return {
    errors,
    value: { idempotencyKey: input.idempotencyKey, shippingAddressId: byId, shippingAddress: address?.value ?? null },
  };
}

export const addressNotFound = () =>
  userError("ADDRESS_NOT_FOUND", "No such address in your address book", path("shippingAddressId"));

/** What the client asked for besides the cart; the same key must always come with the same body. */
export function requestHash(request: CheckoutRequest): string {
  const body = JSON.stringify([request.shippingAddressId, request.shippingAddress]);
  return createHash("sha256").update(body).digest("hex");
}

/** Cart lines in a canonical order, to compare what two requests with one key wanted. */
export function canonicalLines(lines: readonly { variantId: string; quantity: number }[]): tables.CheckoutLine[] {
  return lines
    .map(({ variantId, quantity }) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

export const sameLines = (a: readonly tables.CheckoutLine[], b: readonly tables.CheckoutLine[]) =>
  JSON.stringify(canonicalLines(a)) === JSON.stringify(canonicalLines(b));
