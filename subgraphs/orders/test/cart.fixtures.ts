import type { GraphQLResponse } from "@bazaar/testing";
import type { OrdersHarness } from "./harness";

export const CART_FIELDS = `id totalQuantity subtotal { amount currencyCode }
  lines { id quantity variant { id } unitPrice { amount currencyCode } total { amount } available }`;
export const ERRORS = "userErrors { code field message }";

export interface CartView {
  id: string;
  totalQuantity: number;
  subtotal: { amount: number; currencyCode: string };
  lines: {
    id: string;
    quantity: number;
    variant: { id: string };
    unitPrice: { amount: number } | null;
    total: { amount: number } | null;
    available: boolean;
  }[];
}
export interface UserErrorView {
  code: string;
  field: string[] | null;
  message: string;
}

type Payload = { cart: CartView | null; cartToken?: string | null; userErrors: UserErrorView[] };

/** Cart mutations as a storefront sends them. */
export function cartClient(h: OrdersHarness) {
  const mutate = async (name: string, inputType: string, input: unknown, headers: Record<string, string>) => {
    const token = name === "addToCart" ? "cartToken" : "";
    const res: GraphQLResponse<Record<string, Payload>> = await h.gql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { cart { ${CART_FIELDS} } ${token} ${ERRORS} } }`,
      { input },
      headers,
    );
    if (res.body.errors) throw new Error(`${name}: ${JSON.stringify(res.body.errors)}`);
    return res.body.data?.[name] as Payload;
  };
  return {
    add: (variantId: string, quantity: number, headers: Record<string, string> = {}) =>
      mutate("addToCart", "AddToCartInput", { variantId, quantity }, headers),
    update: (lineId: string, quantity: number, headers: Record<string, string> = {}) =>
      mutate("updateCartLine", "UpdateCartLineInput", { lineId, quantity }, headers),
    remove: (lineId: string, headers: Record<string, string> = {}) =>
      mutate("removeCartLine", "RemoveCartLineInput", { lineId }, headers),
    merge: (headers: Record<string, string>, cartToken?: string) =>
      mutate("mergeCart", "MergeCartInput", cartToken ? { cartToken } : {}, headers),
    async read(headers: Record<string, string> = {}) {
      const res = await h.gql<{ cart: CartView | null }>(`{ cart { ${CART_FIELDS} } }`, {}, headers);
      if (res.body.errors) throw new Error(`cart: ${JSON.stringify(res.body.errors)}`);
      return res.body.data?.cart ?? null;
    },
  };
}

export const guest = (token: string) => ({ "x-cart-token": token });
