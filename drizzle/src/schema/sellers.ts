import { index, integer, pgSchema, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, idColumn, minorUnits } from "./columns";
import { outboxTable, processedEventsTable } from "./events";

export const sellersSchema = pgSchema("sellers");

export const sellerStatus = ["PENDING", "ACTIVE", "SUSPENDED", "REJECTED"] as const;
export type SellerStatus = (typeof sellerStatus)[number];

export const sellers = sellersSchema.table(
  "sellers",
  {
    id: idColumn(),
    /** The user who operates the store (users.users.id; no cross-schema foreign key by design). */
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    status: text("status").$type<SellerStatus>().notNull().default("PENDING"),
    /** Why an admin rejected the application (set with REJECTED, cleared when the user applies again). */
    rejectionReason: text("rejection_reason"),
    ratingAverage: real("rating_average").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    joinedAt: createdAt(),
  },
  (t) => [uniqueIndex("sellers_slug_key").on(t.slug), uniqueIndex("sellers_user_key").on(t.userId)],
);

/** Append-only payouts ledger: sales credit a seller, payouts and refunds debit it. */
export const ledgerEntries = sellersSchema.table(
  "ledger_entries",
  {
    id: idColumn(),
    sellerId: text("seller_id")
      .notNull()
      .references(() => sellers.id),
    kind: text("kind").$type<"SALE" | "REFUND" | "PAYOUT" | "FEE">().notNull(),
    orderId: text("order_id"),
    amount: minorUnits("amount").notNull(),
    currency: currency(),
    createdAt: createdAt(),
  },
  (t) => [index("ledger_entries_seller_idx").on(t.sellerId, t.createdAt)],
);

/** Events this subgraph produces (the outbox) and has applied (dedupe); see @bazaar/events. */
export const sellersOutbox = outboxTable(sellersSchema);
export const sellersProcessedEvents = processedEventsTable(sellersSchema);
