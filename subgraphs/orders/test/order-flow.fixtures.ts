import { insertProduct } from "./catalog.fixtures";
import { checkoutClient, fillCart, keyFor, sandboxClient } from "./checkout.fixtures";
import type { OrdersHarness, Shopper } from "./harness";

/** An order from two sellers (sel_a: 2 × 1500, sel_b: 1 × 700), paid unless told otherwise. */
export async function twoSellerOrder(h: OrdersHarness, options: { pay?: boolean; customer?: Shopper } = {}) {
  const a = (await insertProduct(h.testDb.db, { sellerId: "sel_a", variants: [{ price: 1500, stock: 50 }] }))
    .variantIds[0] as string;
  const b = (await insertProduct(h.testDb.db, { sellerId: "sel_b", variants: [{ price: 700, stock: 50 }] }))
    .variantIds[0] as string;
  const customer = options.customer ?? (await h.shopper());
  await fillCart(h.testDb.db, customer.userId, [
    [a, 2],
    [b, 1],
  ]);
  const placed = await checkoutClient(h)(customer, keyFor("flow"));
  const orderId = placed.order?.id as string;
  if (options.pay !== false) await sandboxClient(h)(customer, orderId, "SUCCEED");
  const fulfillmentOf = (sellerId: string) =>
    placed.order?.fulfillments.find((f) => f.seller.id === sellerId)?.id as string;
  return {
    customer,
    orderId,
    variants: { a, b },
    fulfillments: { a: fulfillmentOf("sel_a"), b: fulfillmentOf("sel_b") },
  };
}

/** The cast: a seller of sel_a, one of sel_b, an admin, another customer. */
export async function cast(h: OrdersHarness) {
  return {
    sellerA: await h.shopper({ roles: ["CUSTOMER", "SELLER"], sellerId: "sel_a" }),
    sellerB: await h.shopper({ roles: ["CUSTOMER", "SELLER"], sellerId: "sel_b" }),
    admin: await h.shopper({ roles: ["CUSTOMER", "ADMIN"] }),
    stranger: await h.shopper(),
  };
}
