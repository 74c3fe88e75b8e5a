import { index, integer, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "./columns";
import { outboxTable, processedEventsTable } from "./events";

export const recommendationsSchema = pgSchema("recommendations");

export const interactionKind = ["VIEW", "PURCHASE", "WISHLIST"] as const;
export type InteractionKind = (typeof interactionKind)[number];

/** Raw signals the models are computed from; fed by events from other subgraphs. */
export const interactions = recommendationsSchema.table(
  "interactions",
  {
    id: idColumn(),
    userId: text("user_id"),
    productId: text("product_id").notNull(),
    kind: text("kind").$type<InteractionKind>().notNull(),
    /** Groups the products bought together in one order. */
    orderId: text("order_id"),
    quantity: integer("quantity").notNull().default(1),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("interactions_kind_time_idx").on(t.kind, t.occurredAt),
    index("interactions_order_idx").on(t.orderId),
    index("interactions_product_idx").on(t.productId),
  ],
);

/** Co-purchase model: how many orders contained both products. */
export const coPurchases = recommendationsSchema.table(
  "co_purchases",
  {
    productId: text("product_id").notNull(),
    relatedProductId: text("related_product_id").notNull(),
    orders: integer("orders").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.relatedProductId] }),
    index("co_purchases_rank_idx").on(t.productId, t.orders, t.relatedProductId),
  ],
);

/** Events this subgraph produces (the outbox) and has applied (dedupe); see @bazaar/events. */
export const recommendationsOutbox = outboxTable(recommendationsSchema);
export const recommendationsProcessedEvents = processedEventsTable(recommendationsSchema);
