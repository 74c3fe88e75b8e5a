import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  real,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, idColumn, minorUnits, updatedAt } from "./columns";

export const catalogSchema = pgSchema("catalog");

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
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_seller_idx").on(t.sellerId, t.createdAt),
    index("products_category_idx").on(t.categoryId),
    index("products_status_created_idx").on(t.status, t.createdAt, t.id),
    index("products_status_price_idx").on(t.status, t.minPrice, t.id),
  ],
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
