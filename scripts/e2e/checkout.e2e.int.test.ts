import { tables } from "@bazaar/drizzle";
import { type RunningStack, startStack } from "@bazaar/stack";
import { createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoData } from "../seed/index";

// The whole stack with the sandbox payment provider; the webhook secret lets the test also deliver
// a signed Stripe event through the router's port.
const WEBHOOK_SECRET = "whsec_e2e_checkout";
let testDb: TestDatabase;
let stack: RunningStack;
let gql: ReturnType<typeof graphqlClient>;
const [customer] = DEMO_ACCOUNTS;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db, { scale: 1 });
  stack = await startStack({ connection: testDb.connection, payments: { stripeWebhookSecret: WEBHOOK_SECRET } });
  gql = graphqlClient(stack.routerUrl);
});
afterAll(async () => {
  await stack?.stop();
  await testDb?.drop();
});

async function call<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await gql<T>(query, variables, headers);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

async function signIn(): Promise<Record<string, string>> {
  const data = await call<{ login: { accessToken: string } }>(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email: customer.email, password: customer.password } },
  );
  return { authorization: `Bearer ${data.login.accessToken}` };
}

/** Two variants on sale with stock to spare. */
async function variantsOnSale(): Promise<string[]> {
  const data = await call<{ products: { edges: { node: { variants: { id: string; stock: number }[] } }[] } }>(
    `{ products(first: 20, sort: NEWEST) { edges { node { variants { id stock } } } } }`,
  );
  return data.products.edges
    .flatMap((e) => e.node.variants)
    .filter((v) => v.stock >= 5)
    .slice(0, 2)
    .map((v) => v.id);
}

const CART = `totalQuantity subtotal { amount currencyCode } lines { quantity unitPrice { amount } variant { id price { amount } inStock product { title } } }`;

describe("a customer from cart to paid order through the router (sandbox payments)", () => {
  it("shops as a guest, signs in, merges the cart, checks out and pays", async () => {
    const [first, second] = await variantsOnSale();
    // A guest's first addition creates a cart and hands out its token; the router forwards the header.
    const added = await call<{ addToCart: { cartToken: string } }>(
      `mutation($v: ID!) { addToCart(input: { variantId: $v, quantity: 2 }) { cartToken userErrors { code } } }`,
      { v: first },
    );
    const guest = { "x-cart-token": added.addToCart.cartToken };
    await call(
      `mutation($v: ID!) { addToCart(input: { variantId: $v }) { userErrors { code } } }`,
      { v: second },
      guest,
    );
    const guestCart = (
      await call<{
        cart: {
          totalQuantity: number;
          subtotal: { amount: number };
          lines: {
            quantity: number;
            unitPrice: { amount: number };
            variant: { price: { amount: number }; product: { title: string } };
          }[];
        };
      }>(`{ cart { ${CART} } }`, {}, guest)
    ).cart;
    expect(guestCart.totalQuantity).toBe(3);
    // Live prices: orders' unitPrice agrees with catalog's own answer for the same variant.
    for (const line of guestCart.lines) expect(line.unitPrice.amount).toBe(line.variant.price.amount);
    expect(guestCart.subtotal.amount).toBe(
      guestCart.lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0),
    );

    const me = await signIn();
    const merged = await call<{ mergeCart: { cart: { totalQuantity: number }; userErrors: unknown[] } }>(
      `mutation { mergeCart(input: {}) { cart { totalQuantity } userErrors { code } } }`,
      {},
      { ...me, ...guest },
    );
    expect(merged.mergeCart.userErrors).toEqual([]);
    expect(merged.mergeCart.cart.totalQuantity).toBeGreaterThanOrEqual(3);

    const address = await call<{ me: { defaultAddress: { id: string; city: string } } }>(
      `{ me { defaultAddress { id city } } }`,
      {},
      me,
    );
    const placed = await call<{
      checkout: {
        order: { id: string; status: string; total: { amount: number } };
        payment: { clientSecret: string; processor: string };
        userErrors: unknown[];
      };
    }>(
      `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status total { amount } } payment { clientSecret processor } userErrors { code } } }`,
      { input: { idempotencyKey: `e2e-${Date.now()}`, shippingAddressId: address.me.defaultAddress.id } },
      me,
    );
    expect(placed.checkout.userErrors).toEqual([]);
    expect(placed.checkout.order.status).toBe("PENDING_PAYMENT");
    expect(placed.checkout.payment).toMatchObject({ processor: "SANDBOX", clientSecret: expect.any(String) });

    const paid = await call<{ confirmSandboxPayment: { order: { status: string } } }>(
      `mutation($id: ID!) { confirmSandboxPayment(input: { orderId: $id, outcome: SUCCEED }) { order { status } } }`,
      { id: placed.checkout.order.id },
      me,
    );
    expect(paid.confirmSandboxPayment.order.status).toBe("PAID");

    // One query across subgraphs: the order (orders), its products and sellers (catalog, sellers), the customer (users).
    const view = await call<{
      order: {
        status: string;
        shippingAddress: { city: string };
        customer: { name: string };
        lines: { product: { title: string }; seller: { name: string } }[];
        events: { type: string }[];
      };
      me: { orders: { edges: { node: { id: string } }[] }; cart: { totalQuantity: number } };
    }>(
      `query($id: ID!) { order(id: $id) { status shippingAddress { city } customer { name }
        lines { product { title } seller { name } } events { type } }
        me { orders(first: 3) { edges { node { id } } } cart { totalQuantity } } }`,
      { id: placed.checkout.order.id },
      me,
    );
    expect(view.order.status).toBe("PAID");
    expect(view.order.shippingAddress.city).toBe(address.me.defaultAddress.city);
    expect(view.order.customer.name).toBe(customer.name);
    expect(view.order.lines.every((l) => l.product.title && l.seller.name)).toBe(true);
    expect(view.order.events.map((e) => e.type)).toEqual(["ORDER_PLACED", "PAYMENT_PROCESSING", "ORDER_PAID"]);
    expect(view.me.orders.edges[0]?.node.id).toBe(placed.checkout.order.id);
    expect(view.me.cart.totalQuantity).toBe(0);
  });

  it("accepts Stripe webhooks on the router's port, passing the raw body and signature to orders", async () => {
    const [variant] = await variantsOnSale();
    const me = await signIn();
    await call(`mutation($v: ID!) { addToCart(input: { variantId: $v }) { userErrors { code } } }`, { v: variant }, me);
    const placed = await call<{ checkout: { order: { id: string } } }>(
      `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } } }`,
      {
        input: {
          idempotencyKey: `e2e-hook-${Date.now()}`,
          shippingAddress: { name: "Casey", line1: "2 Side St", city: "Oslo", postalCode: "0150", country: "NO" },
        },
      },
      me,
    );
    const orderId = placed.checkout.order.id;
    const [payment] = await testDb.db.select().from(tables.payments).where(eq(tables.payments.orderId, orderId));
    const event = JSON.stringify({
      id: `evt_e2e_${Date.now()}`,
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: payment?.providerPaymentId, object: "payment_intent", status: "succeeded" } },
    });
    const webhook = new URL("/webhooks/stripe", stack.routerUrl);
    const post = (signature: string) =>
      fetch(webhook, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: event,
      });

    const forged = await post(Stripe.webhooks.generateTestHeaderString({ payload: event, secret: "whsec_not_ours" }));
    expect(forged.status).toBe(400);
    const genuine = await post(Stripe.webhooks.generateTestHeaderString({ payload: event, secret: WEBHOOK_SECRET }));
    expect(genuine.status).toBe(200);
    const status = await call<{ order: { status: string } }>(
      `query($id: ID!) { order(id: $id) { status } }`,
      { id: orderId },
      me,
    );
    expect(status.order.status).toBe("PAID");
  });
});
