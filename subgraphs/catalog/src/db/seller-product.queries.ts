import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, getTableColumns, inArray, lte } from "drizzle-orm";
import { afterKeys, cursorKeysOf, rankWithin } from "./keyset.queries";
import type { ListedProductRow } from "./product.queries";
import { productOrders } from "./product-order.queries";
import { publiclyListed } from "./product-visibility.queries";

const { products } = tables;
const newest = productOrders.NEWEST;

/** The first `limit` publicly listed products of each seller after the cursor, newest first: one statement. */
export async function listActiveProductsOfSellers(
  db: Database,
  sellerIds: readonly string[],
  limit: number,
  after: readonly string[] | null,
): Promise<ListedProductRow[]> {
  const ranked = db
    .select({
      ...getTableColumns(products),
      cursorKeys: cursorKeysOf(newest).as("cursor_keys"),
      rank: rankWithin(products.sellerId, newest).as("rank"),
    })
    .from(products)
    .where(and(inArray(products.sellerId, [...sellerIds]), publiclyListed(), after ? afterKeys(newest, after) : undefined))
    .as("ranked");
  return db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(asc(ranked.sellerId), asc(ranked.rank));
}

export const countActiveProductsOfSellers = (db: Database, sellerIds: readonly string[]) =>
  db
    .select({ sellerId: products.sellerId, count: count() })
    .from(products)
    .where(and(inArray(products.sellerId, [...sellerIds]), publiclyListed()))
    .groupBy(products.sellerId);
