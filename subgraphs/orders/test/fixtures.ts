import { type Database, tables } from "@bazaar/drizzle";
import { newId } from "@bazaar/subgraph-kit";

type OrderInsert = typeof tables.orders.$inferInsert;
type OrderLineInsert = typeof tables.orderLines.$inferInsert;
type FulfillmentInsert = typeof tables.fulfillments.$inferInsert;

export interface LineSpec {
  sellerId: string;
  quantity?: number;
  unitPrice?: number;
  sku?: string;
  title?: string;
  productId?: string;
  variantId?: string;
}

export interface OrderSpec extends Partial<Omit<OrderInsert, "subtotal" | "total">> {
  lines: LineSpec[];
  /** Overrides for the fulfillment of a seller, by seller id (e.g. shipped with a tracking number). */
  fulfillments?: Record<string, Partial<FulfillmentInsert>>;
}

let counter = 0;

/**
 * Inserts an order as checkout would leave it: one fulfillment per seller, every line in its
 * seller's fulfillment, subtotal and total computed from the lines.
 */
export async function insertOrder(db: Database, spec: OrderSpec) {
  counter += 1;
  const { lines: lineSpecs, fulfillments: fulfillmentOverrides = {}, ...overrides } = spec;
  const orderId = overrides.id ?? newId("ord");
  const sellerIds = [...new Set(lineSpecs.map((line) => line.sellerId))];
  const fulfillments: FulfillmentInsert[] = sellerIds.map((sellerId) => ({
    id: newId("ful"),
    orderId,
    sellerId,
    ...fulfillmentOverrides[sellerId],
  }));
  const lines: OrderLineInsert[] = lineSpecs.map((line, i) => {
    const quantity = line.quantity ?? 1;
    const unitPrice = line.unitPrice ?? 1000;
    return {
      id: newId("oln"),
      orderId,
      fulfillmentId: fulfillments.find((f) => f.sellerId === line.sellerId)?.id as string,
      sellerId: line.sellerId,
      productId: line.productId ?? `prd_${counter}_${i}`,
      variantId: line.variantId ?? `var_${counter}_${i}`,
      sku: line.sku ?? `SKU-${counter}-${i}`,
      title: line.title ?? `Item ${counter}.${i}`,
      unitPrice,
      quantity,
      total: unitPrice * quantity,
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.total, 0);
  const order: OrderInsert = {
    id: orderId,
    number: `BZ-${String(counter).padStart(6, "0")}`,
    userId: "usr_customer",
    status: "PAID",
    ...overrides,
    subtotal,
    total: subtotal + (overrides.shippingTotal ?? 0) + (overrides.taxTotal ?? 0),
  };
  await db.insert(tables.orders).values(order);
  await db.insert(tables.fulfillments).values(fulfillments);
  await db.insert(tables.orderLines).values(lines);
  return { order, fulfillments, lines };
}

/** Inserts a cart with the given lines (variant id and quantity). */
export async function insertCart(db: Database, lines: { variantId: string; quantity: number }[], userId?: string) {
  const cart = { id: newId("crt"), userId: userId ?? null };
  await db.insert(tables.carts).values(cart);
  const rows = lines.map((line) => ({ id: newId("cln"), cartId: cart.id, ...line }));
  if (rows.length > 0) await db.insert(tables.cartLines).values(rows);
  return { cart, lines: rows };
}
