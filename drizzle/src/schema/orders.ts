import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, idColumn, minorUnits, updatedAt } from "./columns";

export const ordersSchema = pgSchema("orders");

export const orderStatus = [
  "PENDING_PAYMENT",
  "PAYMENT_FAILED",
  "PAID",
  "COMPLETED",
  "CANCELLED",
  "REFUNDED",
  "PARTIALLY_REFUNDED",
] as const;
export type OrderStatus = (typeof orderStatus)[number];

export const fulfillmentStatus = ["UNFULFILLED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
export type FulfillmentStatus = (typeof fulfillmentStatus)[number];

export interface AddressSnapshot {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}

export const carts = ordersSchema.table(
  "carts",
  {
    id: idColumn(),
    /** Owner when signed in (users.users.id); guest carts are found by token hash instead. */
    userId: text("user_id"),
    tokenHash: text("token_hash"),
    currency: currency(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("carts_user_idx").on(t.userId), uniqueIndex("carts_token_key").on(t.tokenHash)],
);

export const cartLines = ordersSchema.table(
  "cart_lines",
  {
    id: idColumn(),
    cartId: text("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: text("variant_id").notNull(),
    quantity: integer("quantity").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("cart_lines_cart_variant_key").on(t.cartId, t.variantId),
    check("cart_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const orders = ordersSchema.table(
  "orders",
  {
    id: idColumn(),
    /** Human-facing order number, e.g. BZ-000123. */
    number: text("number").notNull(),
    userId: text("user_id").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    currency: currency(),
    subtotal: minorUnits("subtotal").notNull(),
    shippingTotal: minorUnits("shipping_total").notNull().default(0),
    taxTotal: minorUnits("tax_total").notNull().default(0),
    total: minorUnits("total").notNull(),
    shippingAddress: jsonb("shipping_address").$type<AddressSnapshot>(),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_number_key").on(t.number),
    index("orders_user_placed_idx").on(t.userId, t.placedAt, t.id),
  ],
);

export const orderLines = ordersSchema.table(
  "order_lines",
  {
    id: idColumn(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fulfillmentId: text("fulfillment_id").notNull(),
    productId: text("product_id").notNull(),
    variantId: text("variant_id").notNull(),
    sellerId: text("seller_id").notNull(),
    /** Snapshot at purchase time: later catalog edits never change a past order. */
    title: text("title").notNull(),
    sku: text("sku").notNull(),
    unitPrice: minorUnits("unit_price").notNull(),
    quantity: integer("quantity").notNull(),
    total: minorUnits("total").notNull(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_seller_idx").on(t.sellerId),
    index("order_lines_product_idx").on(t.productId),
  ],
);

export const fulfillments = ordersSchema.table(
  "fulfillments",
  {
    id: idColumn(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    sellerId: text("seller_id").notNull(),
    status: text("status").$type<FulfillmentStatus>().notNull().default("UNFULFILLED"),
    trackingNumber: text("tracking_number"),
    shippedAt: timestamp("shipped_at", { withTimezone: true, mode: "date" }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("fulfillments_order_idx").on(t.orderId), index("fulfillments_seller_idx").on(t.sellerId, t.createdAt)],
);
