import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, gt, inArray, type SQL, sql } from "drizzle-orm";
import { publicProduct } from "../postgres/search-where.sql";
import { type CategoryNode, type ProductDocument, toProductDocument } from "./search-document";

const { products, productVariants, categories } = tables;

const sourceColumns = {
  id: products.id,
  title: products.title,
  brand: products.brand,
  description: products.description,
  categoryId: products.categoryId,
  sellerId: products.sellerId,
  minPrice: products.minPrice,
  ratingAverage: products.ratingAverage,
  attributes: products.attributes,
  popularity: products.popularity,
  createdAt: products.createdAt,
  // Spelled out: drizzle prints selected columns of a one-table query unqualified, and an
  // unqualified "id" inside this subquery would name the variant's id.
  inStock: sql<boolean>`exists (select 1 from ${productVariants} as variant
    where variant.product_id = "catalog"."products"."id" and variant.stock > 0)`,
};

async function toDocuments(db: Database, where: SQL | undefined, limit?: number): Promise<ProductDocument[]> {
  const query = db.select(sourceColumns).from(products).where(where).orderBy(asc(products.id));
  const [rows, nodes] = await Promise.all([
    limit === undefined ? query : query.limit(limit),
    db.select({ id: categories.id, parentId: categories.parentId, name: categories.name }).from(categories),
  ]);
  const byId = new Map<string, CategoryNode>(nodes.map((node) => [node.id, node]));
  return rows.map((row) => toProductDocument(row, byId));
}

/** Documents of those of these products that are public; the others must leave the index. */
export const publicDocumentsOf = (db: Database, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : toDocuments(db, and(inArray(products.id, [...ids]), publicProduct()));

/** One batch of a full reindex, in id order after `afterId`. */
export const publicDocumentsAfter = (db: Database, afterId: string | null, limit: number) =>
  toDocuments(db, and(publicProduct(), afterId === null ? undefined : gt(products.id, afterId)), limit);

/** Every product of these sellers, public or not (a seller's status change affects them all). */
export const productIdsOfSellers = async (db: Database, sellerIds: readonly string[]) =>
  sellerIds.length === 0
    ? []
    : (
        await db
          .select({ id: products.id })
          .from(products)
          .where(inArray(products.sellerId, [...sellerIds]))
      ).map((row) => row.id);
