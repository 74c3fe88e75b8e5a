import { type Database, tables } from "@bazaar/drizzle";
import { newId } from "@bazaar/subgraph-kit";
import { eq } from "drizzle-orm";
import type { OrdersHarness, Shopper } from "./harness";

export const ADDRESS = { name: "Ada Lovelace", line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" };

export const ORDER_FIELDS = `id number status cancelReason reservedUntil total { amount currencyCode } refundedTotal { amount }
  lines { title sku quantity unitPrice { amount currencyCode } total { amount } seller { id } variant { id } }
  fulfillments { id status seller { id } }`;
export const PAYMENT_FIELDS = "id processor status clientSecret amount { amount currencyCode }";

export interface OrderView {
  id: string;
  number: string;
  status: string;
  cancelReason: string | null;
  reservedUntil: string | null;
  total: { amount: number; currencyCode: string };
  refundedTotal: { amount: number };
  lines: {
    title: string;
    sku: string;
    quantity: number;
    unitPrice: { amount: number };
    total: { amount: number };
    seller: { id: string };
    variant: { id: string };
  }[];
  fulfillments: { id: string; status: string; seller: { id: string } }[];
}
export interface PaymentView {
  id: string;
  processor: string;
  status: string;
  clientSecret: string | null;
  amount: { amount: number; currencyCode: string };
}
export interface CheckoutView {
  order: OrderView | null;
  payment: PaymentView | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) {
  order { ${ORDER_FIELDS} } payment { ${PAYMENT_FIELDS} } userErrors { code field message } } }`;

/** Puts lines straight into a customer's cart (as addToCart would), in the given order. */
export async function fillCart(db: Database, userId: string, lines: [variantId: string, quantity: number][]) {
  const cartId = newId("crt");
  await db.insert(tables.carts).values({ id: cartId, userId }).onConflictDoNothing({ target: tables.carts.userId });
  const [cart] = await db.select().from(tables.carts).where(eq(tables.carts.userId, userId));
  const base = Date.now();
  await db.insert(tables.cartLines).values(
    lines.map(([variantId, quantity], i) => ({
      id: newId("cln"),
      cartId: cart?.id as string,
      variantId,
      quantity,
      createdAt: new Date(base + i),
    })),
  );
}

/** Many customers' carts in two statements, for the concurrency tests. */
export async function fillCarts(db: Database, carts: { userId: string; lines: [string, number][] }[]) {
  const rows = carts.map((c) => ({ id: newId("crt"), userId: c.userId }));
  await db.insert(tables.carts).values(rows);
  const base = Date.now();
  await db.insert(tables.cartLines).values(
    carts.flatMap((c, i) =>
      c.lines.map(([variantId, quantity], j) => ({
        id: newId("cln"),
        cartId: rows[i]?.id as string,
        variantId,
        quantity,
        createdAt: new Date(base + j),
      })),
    ),
  );
}

export function checkoutClient(h: OrdersHarness) {
  return async (
    shopper: Shopper,
    idempotencyKey: string,
    input: Record<string, unknown> = { shippingAddress: ADDRESS },
  ) => {
    const res = await h.gql<{ checkout: CheckoutView }>(
      CHECKOUT,
      { input: { idempotencyKey, ...input } },
      shopper.headers,
    );
    if (res.body.errors) throw new Error(`checkout: ${JSON.stringify(res.body.errors)}`);
    return res.body.data?.checkout as CheckoutView;
  };
}

const CONFIRM = `mutation($input: ConfirmSandboxPaymentInput!) { confirmSandboxPayment(input: $input) {
  order { ${ORDER_FIELDS} } payment { ${PAYMENT_FIELDS} } userErrors { code field message } } }`;

export function sandboxClient(h: OrdersHarness) {
  return async (shopper: Shopper, orderId: string, outcome: "SUCCEED" | "DECLINE" | "REQUIRE_ACTION") => {
    const res = await h.gql<{ confirmSandboxPayment: CheckoutView }>(
      CONFIRM,
      { input: { orderId, outcome } },
      shopper.headers,
    );
    if (res.body.errors) throw new Error(`confirmSandboxPayment: ${JSON.stringify(res.body.errors)}`);
    return res.body.data?.confirmSandboxPayment as CheckoutView;
  };
}

export const keyFor = (label: string) => `${label}-${newId("key")}`;
