import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, count, eq, exists, getTableColumns, gt, gte, inArray, lte, not, or, type SQL, sql } from "drizzle-orm";
import { subtreeIds } from "./category.queries";
import { afterKeys, cursorKeysOf, type KeysetOrder, orderByKeys } from "./keyset.queries";
import { publiclyListed } from "./product-visibility.queries";

export type ProductRow = typeof tables.products.$inferSelect;
/** A listed row also carries its sort keys as text, for its cursor. */
export type ListedProductRow = ProductRow & { cursorKeys: string[] };
const { products, productVariants } = tables;

export interface ProductFilterValues {
  categoryId?: string | null;
  sellerId?: string | null;
  priceMin?: number | null;
  priceMax?: number | null;
  inStock?: boolean | null;
  attributes?: readonly { key: string; value: string }[] | null;
}

export const findProductsByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]));

export const findProductBySlug = async (db: Database, slug: string) =>
  (await db.select().from(products).where(eq(products.slug, slug)).limit(1))[0];

const variantWhere = (db: Database, condition: SQL | undefined) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(productVariants)
      .where(and(eq(productVariants.productId, products.id), condition)),
  );

/** Values of one key are alternatives; different keys must all match (jsonb containment, GIN-indexed). */
function attributesWhere(attributes: readonly { key: string; value: string }[]): SQL | undefined {
  const byKey = new Map<string, { key: string; value: string }[]>();
  for (const pair of attributes) byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), pair]);
  const contains = (pair: { key: string; value: string }) =>
    sql`${products.attributes} @> ${JSON.stringify([{ key: pair.key, value: pair.value }])}::jsonb`;
  return and(...[...byKey.values()].map((pairs) => or(...pairs.map(contains))));
}

/** Publicly listed products matching a filter; every condition is optional. */
function listedWhere(db: Database, filter: ProductFilterValues): SQL | undefined {
  const { categoryId, sellerId, priceMin, priceMax, inStock, attributes } = filter;
  const priced = priceMin != null || priceMax != null;
  const inStockVariant = variantWhere(db, gt(productVariants.stock, 0));
  return and(
    publiclyListed(),
    categoryId != null ? sql`${products.categoryId} in ${subtreeIds(sql`${categoryId}`)}` : undefined,
    sellerId != null ? eq(products.sellerId, sellerId) : undefined,
    // Exact: some variant's own price lies in the range (not just the min..max envelope).
    priced
      ? variantWhere(
          db,
          and(
            priceMin != null ? gte(productVariants.price, priceMin) : undefined,
            priceMax != null ? lte(productVariants.price, priceMax) : undefined,
          ),
        )
      : undefined,
    inStock == null ? undefined : inStock ? inStockVariant : not(inStockVariant),
    attributes?.length ? attributesWhere(attributes) : undefined,
  );
}

export function listProducts(
  db: Database,
  query: { filter: ProductFilterValues; order: KeysetOrder; limit: number; after?: readonly string[] | undefined },
): Promise<ListedProductRow[]> {
  return db
    .select({ ...getTableColumns(products), cursorKeys: cursorKeysOf(query.order) })
    .from(products)
    .where(and(listedWhere(db, query.filter), query.after ? afterKeys(query.order, query.after) : undefined))
    .orderBy(...orderByKeys(query.order))
    .limit(query.limit);
}

export const countProducts = async (db: Database, filter: ProductFilterValues) =>
  (await db.select({ n: count() }).from(products).where(listedWhere(db, filter)))[0]?.n ?? 0;
