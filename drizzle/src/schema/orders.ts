import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, idColumn, minorUnits, updatedAt } from "./columns";
import { outboxTable, processedEventsTable } from "./events";

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
  phone?: string | null;
}

/** Where an order's stock stands in catalog: held, sold, or (being) given back. */
export const stockState = ["RESERVED", "COMMITTED", "RELEASE_PENDING", "RELEASED"] as const;
export type StockState = (typeof stockState)[number];

export const paymentStatus = [
  "REQUIRES_PAYMENT_METHOD",
  "REQUIRES_ACTION",
  "PROCESSING",
  "FAILED",
  "SUCCEEDED",
  "CANCELED",
] as const;
export type PaymentStatus = (typeof paymentStatus)[number];

export const refundStatus = ["PENDING", "SUCCEEDED", "FAILED"] as const;
export type RefundStatus = (typeof refundStatus)[number];

/** A cart line a checkout was asked for (variant and quantity), before catalog priced it. */
export interface CheckoutLine {
  variantId: string;
  quantity: number;
}

/** Human-facing order numbers; starts above the seeded ones (BZ-000001 …) so they never collide. */
export const orderNumberSeq = ordersSchema.sequence("order_number_seq", { startWith: 1_000_001 });

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
  (t) => [
    // One cart per customer: concurrent first additions converge on the same row.
    uniqueIndex("carts_user_key").on(t.userId),
    uniqueIndex("carts_token_key").on(t.tokenHash),
  ],
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
    check("cart_lines_quantity_range", sql`${t.quantity} between 1 and 99`),
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
    /** The client's checkout key; null for orders that did not come through checkout (seed). */
    idempotencyKey: text("idempotency_key"),
    /** null for orders that never held stock through catalog's reservations (seed). */
    stockState: text("stock_state").$type<StockState>(),
    reservationExpiresAt: timestamp("reservation_expires_at", { withTimezone: true, mode: "date" }),
    /** Why a CANCELLED order was cancelled, e.g. OUT_OF_STOCK_AFTER_PAYMENT. */
    cancelReason: text("cancel_reason"),
    refundedTotal: minorUnits("refunded_total").notNull().default(0),
    /** Sequence number of the latest timeline event (order_events.sequence). */
    eventSequence: integer("event_sequence").notNull().default(0),
  },
  (t) => [
    uniqueIndex("orders_number_key").on(t.number),
    index("orders_user_placed_idx").on(t.userId, t.placedAt, t.id),
    uniqueIndex("orders_user_idempotency_key").on(t.userId, t.idempotencyKey),
    // The expiry sweep: unpaid orders whose reservation lapsed.
    index("orders_unpaid_expiry_idx")
      .on(t.reservationExpiresAt)
      .where(sql`${t.status} in ('PENDING_PAYMENT', 'PAYMENT_FAILED')`),
    index("orders_release_pending_idx").on(t.id).where(sql`${t.stockState} = 'RELEASE_PENDING'`),
  ],
);

/**
 * One row per (customer, idempotency key): what the checkout was asked for, claimed before any
 * remote call, so retries and concurrent duplicates converge on one order id.
 */
export const checkouts = ordersSchema.table(
  "checkouts",
  {
    orderId: text("order_id").primaryKey(),
    userId: text("user_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the request (input and cart); the same key with another body is refused. */
    requestHash: text("request_hash").notNull(),
    lines: jsonb("lines").$type<CheckoutLine[]>().notNull(),
    shippingAddress: jsonb("shipping_address").$type<AddressSnapshot>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("checkouts_user_key_key").on(t.userId, t.idempotencyKey)],
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

/** Payment attempts of an order; attempt n's provider idempotency key is derived from (order, n). */
export const payments = ordersSchema.table(
  "payments",
  {
    id: idColumn(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    provider: text("provider").notNull(),
    /** The provider's payment intent id; null until the provider answered. */
    providerPaymentId: text("provider_payment_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    amount: minorUnits("amount").notNull(),
    currency: currency(),
    status: text("status").$type<PaymentStatus>().notNull().default("REQUIRES_PAYMENT_METHOD"),
    clientSecret: text("client_secret"),
    /** Who may call the provider for this attempt right now; a lease, not a lock, so a crash frees it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
    refundedAmount: minorUnits("refunded_amount").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_order_attempt_key").on(t.orderId, t.attempt),
    uniqueIndex("payments_provider_payment_key").on(t.providerPaymentId),
  ],
);

/** Money given back; issued to the provider after the row commits, retried until it succeeds. */
export const refunds = ordersSchema.table(
  "refunds",
  {
    id: idColumn(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    amount: minorUnits("amount").notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<RefundStatus>().notNull().default("PENDING"),
    providerRefundId: text("provider_refund_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("refunds_order_idx").on(t.orderId),
    index("refunds_pending_idx").on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** The order's timeline: every transition, numbered per order from 1. */
export const orderEvents = ordersSchema.table(
  "order_events",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    sequence: integer("sequence").notNull(),
    type: text("type").notNull(),
    fromStatus: text("from_status").$type<OrderStatus>(),
    toStatus: text("to_status").$type<OrderStatus>().notNull(),
    fulfillmentId: text("fulfillment_id"),
    /** CUSTOMER, SELLER, ADMIN or SYSTEM (payments, expiry). */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.sequence] })],
);

/**
 * Transactional outbox (the shared @bazaar/events shape): written in the same transaction as the
 * change it announces; a relay publishes unpublished rows in (created_at, id) order and stamps
 * published_at. Order events carry the order's timeline sequence.
 */
export const outbox = outboxTable(ordersSchema);

/** Events orders has consumed from other subgraphs, by consumer and event id. */
export const ordersProcessedEvents = processedEventsTable(ordersSchema);

/** Payment provider events already applied, by the provider's event id (deliveries repeat). */
export const paymentEvents = ordersSchema.table("payment_events", {
  id: text("id").primaryKey(),
  provider: text("provider").notNull(),
  type: text("type").notNull(),
  providerPaymentId: text("provider_payment_id"),
  receivedAt: createdAt(),
});
