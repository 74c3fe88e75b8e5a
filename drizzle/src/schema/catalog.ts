import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  real,
  smallint,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, idColumn, minorUnits, updatedAt } from "./columns";
import { outboxTable, processedEventsTable } from "./events";

export const catalogSchema = pgSchema("catalog");

/** Postgres full-text document; only search SQL reads it. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const productStatus = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
export type ProductStatus = (typeof productStatus)[number];

export interface ProductImage {
  url: string;
  alt: string;
}
export interface ProductAttribute {
  key: string;
  value: string;
}
export interface ProductOption {
  name: string;
  values: string[];
}
export interface VariantOptionValue {
  name: string;
  value: string;
}

export const categories = catalogSchema.table(
  "categories",
  {
    id: idColumn(),
    parentId: text("parent_id").references((): AnyPgColumn => categories.id),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("categories_slug_key").on(t.slug), index("categories_parent_idx").on(t.parentId)],
);

export const products = catalogSchema.table(
  "products",
  {
    id: idColumn(),
    /** sellers.sellers.id — another subgraph's entity, referenced by id only. */
    sellerId: text("seller_id").notNull(),
    categoryId: text("category_id")
      .notNull()
      .references(() => categories.id),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    brand: text("brand"),
    images: jsonb("images").$type<ProductImage[]>().notNull().default([]),
    attributes: jsonb("attributes").$type<ProductAttribute[]>().notNull().default([]),
    options: jsonb("options").$type<ProductOption[]>().notNull().default([]),
    status: text("status").$type<ProductStatus>().notNull().default("DRAFT"),
    /** Denormalised from variants and reviews so listings sort and filter without joins. */
    minPrice: minorUnits("min_price").notNull().default(0),
    maxPrice: minorUnits("max_price").notNull().default(0),
    currency: currency(),
    ratingAverage: real("rating_average").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    popularity: integer("popularity").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * Search only, both set by a trigger on every write (migrations/0001_search.sql): the names of
     * the category and its ancestors, and the weighted document (title A, brand and category B,
     * description C). A trigger rather than a generated column: the path reads another table.
     */
    categoryPath: text("category_path"),
    searchVector: tsvector("search_vector"),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_seller_idx").on(t.sellerId, t.createdAt),
    index("products_category_idx").on(t.categoryId),
    index("products_status_created_idx").on(t.status, t.createdAt, t.id),
    index("products_status_price_idx").on(t.status, t.minPrice, t.id),
    // Attribute filters are containment tests (`attributes @> '[{"key":…,"value":…}]'`).
    index("products_attributes_idx").using("gin", t.attributes.op("jsonb_path_ops")),
    index("products_search_idx").using("gin", t.searchVector),
    // Listing sorts by rating and popularity read these backwards instead of sorting every product;
    // counts of public products scan (status, seller) alone (index-only). See docs/benchmarks.md.
    index("products_status_rating_idx").on(t.status, t.ratingAverage, t.ratingCount, t.id),
    index("products_status_popularity_idx").on(t.status, t.popularity, t.id),
    index("products_status_seller_idx").on(t.status, t.sellerId),
  ],
);

/**
 * Every word of every product's search document, for typo tolerance: query words are matched
 * against it by trigram similarity. Kept by a trigger (migrations/0001_search.sql).
 */
export const searchWords = catalogSchema.table(
  "search_words",
  { word: text("word").primaryKey() },
  (t) => [index("search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops"))],
);

export const productVariants = catalogSchema.table(
  "product_variants",
  {
    id: idColumn(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    optionValues: jsonb("option_values").$type<VariantOptionValue[]>().notNull().default([]),
    price: minorUnits("price").notNull(),
    compareAtPrice: minorUnits("compare_at_price"),
    currency: currency(),
    stock: integer("stock").notNull().default(0),
    weightGrams: integer("weight_grams"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("product_variants_sku_key").on(t.sku),
    index("product_variants_product_idx").on(t.productId, t.position),
    check("product_variants_stock_non_negative", sql`${t.stock} >= 0`),
    check("product_variants_price_non_negative", sql`${t.price} >= 0`),
  ],
);

export const reviews = catalogSchema.table(
  "reviews",
  {
    id: idColumn(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** users.users.id — referenced by id only. */
    authorId: text("author_id").notNull(),
    rating: smallint("rating").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reviews_product_author_key").on(t.productId, t.authorId),
    index("reviews_product_created_idx").on(t.productId, t.createdAt, t.id),
    index("reviews_author_created_idx").on(t.authorId, t.createdAt, t.id),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * Mirror of which sellers may list publicly (sellers owns the truth; catalog may not read it).
 * Written by the internal `syncSellerStatus` mutation and by the seed. A seller without a row
 * is treated as inactive, so a store nobody has approved never shows.
 */
export const sellerListings = catalogSchema.table("seller_listings", {
  sellerId: text("seller_id").primaryKey(),
  active: boolean("active").notNull(),
  /** When the status the row reflects was decided; an older sync never overwrites a newer one. */
  updatedAt: updatedAt(),
});

export const reservationStatus = ["RESERVED", "COMMITTED", "RELEASED", "EXPIRED"] as const;
export type ReservationStatus = (typeof reservationStatus)[number];

/**
 * Stock held for one order (orders.orders.id, by id only). RESERVED and COMMITTED hold their
 * units; RELEASED and EXPIRED have given them back.
 */
export const stockReservations = catalogSchema.table(
  "stock_reservations",
  {
    orderId: text("order_id").primaryKey(),
    status: text("status").$type<ReservationStatus>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The sweeper's scan: only reservations still holding stock can expire.
    index("stock_reservations_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'RESERVED'`),
  ],
);

/** One variant of a reservation, with the authoritative price and names at reservation time. */
export const stockReservationLines = catalogSchema.table(
  "stock_reservation_lines",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => stockReservations.orderId, { onDelete: "cascade" }),
    variantId: text("variant_id").notNull(),
    productId: text("product_id").notNull(),
    sellerId: text("seller_id").notNull(),
    title: text("title").notNull(),
    variantTitle: text("variant_title").notNull(),
    sku: text("sku").notNull(),
    unitPrice: minorUnits("unit_price").notNull(),
    currency: currency(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.variantId] }),
    check("stock_reservation_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** Events this subgraph produces (the outbox) and has applied (dedupe); see @bazaar/events. */
export const catalogOutbox = outboxTable(catalogSchema);
export const catalogProcessedEvents = processedEventsTable(catalogSchema);
