import type { graphqlClient } from "@bazaar/testing";
import { DEMO_ACCOUNTS } from "../seed/index";

type Client = ReturnType<typeof graphqlClient>;
type Account = (typeof DEMO_ACCOUNTS)[number];

/** What a signed-in client sends: `{ authorization: "Bearer …" }`. */
export type AuthHeaders = Record<string, string>;

/** Runs an operation that must succeed; any GraphQL error fails the calling test with its message. */
export async function call<T>(
  gql: Client,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await gql<T>(query, variables, headers);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

export async function signIn(gql: Client, account: Account): Promise<{ headers: AuthHeaders; token: string }> {
  const data = await call<{ login: { accessToken: string } }>(
    gql,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email: account.email, password: account.password } },
  );
  return { headers: { authorization: `Bearer ${data.login.accessToken}` }, token: data.login.accessToken };
}

export interface PaidOrder {
  id: string;
  number: string;
  fulfillments: { id: string; sellerId: string }[];
}

/**
 * What a shopper does: put `variantCount` in-stock variants (from different products) in the cart,
 * check out to the default address and pay through the sandbox. Returns the PAID order.
 */
export async function placePaidOrder(gql: Client, auth: AuthHeaders, variantCount = 2): Promise<PaidOrder> {
  const listed = await call<{ products: { edges: { node: { variants: { id: string; stock: number }[] } }[] } }>(
    gql,
    `{ products(first: 30, sort: NEWEST) { edges { node { variants { id stock } } } } }`,
  );
  const variants = listed.products.edges
    .map((edge) => edge.node.variants.find((variant) => variant.stock >= 3))
    .filter((variant) => variant !== undefined)
    .slice(0, variantCount);
  if (variants.length < variantCount) throw new Error("the seed has too few products in stock");
  for (const variant of variants) {
    const added = await call<{ addToCart: { userErrors: unknown[] } }>(
      gql,
      `mutation($v: ID!) { addToCart(input: { variantId: $v }) { userErrors { code } } }`,
      { v: variant.id },
      auth,
    );
    if (added.addToCart.userErrors.length > 0) throw new Error(JSON.stringify(added.addToCart.userErrors));
  }
  const address = await call<{ me: { defaultAddress: { id: string } } }>(gql, `{ me { defaultAddress { id } } }`, {}, auth);
  const placed = await call<{ checkout: { order: { id: string } | null; userErrors: unknown[] } }>(
    gql,
    `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } userErrors { code message } } }`,
    { input: { idempotencyKey: `shopper-${crypto.randomUUID()}`, shippingAddressId: address.me.defaultAddress.id } },
    auth,
  );
  const orderId = placed.checkout.order?.id;
  if (!orderId) throw new Error(`checkout failed: ${JSON.stringify(placed.checkout.userErrors)}`);
  const paid = await call<{
    confirmSandboxPayment: {
      order: { id: string; number: string; status: string; fulfillments: { id: string; seller: { id: string } }[] };
    };
  }>(
    gql,
    `mutation($id: ID!) { confirmSandboxPayment(input: { orderId: $id, outcome: SUCCEED }) {
       order { id number status fulfillments { id seller { id } } } } }`,
    { id: orderId },
    auth,
  );
  const order = paid.confirmSandboxPayment.order;
  if (order.status !== "PAID") throw new Error(`order ${orderId} is ${order.status}, not PAID`);
  return {
    id: order.id,
    number: order.number,
    fulfillments: order.fulfillments.map((f) => ({ id: f.id, sellerId: f.seller.id })),
  };
}

export { DEMO_ACCOUNTS };
