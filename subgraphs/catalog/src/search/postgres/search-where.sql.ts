import { tables } from "@bazaar/drizzle";
import { and, eq, gte, inArray, lte, not, or, type SQL, sql } from "drizzle-orm";
import { subtreeIds } from "../../db/category.queries";
import { publiclyListed } from "../../db/product-visibility.queries";
import type { SearchAttributeValue, SearchFilterValues } from "../search-engine.port";

const { products, productVariants } = tables;

/** Publicly visible, by the catalog's one definition (ACTIVE product of a listed seller). */
export const publicProduct = publiclyListed;

const inStockVariant = () =>
  sql`exists (select 1 from ${productVariants}
    where ${productVariants.productId} = ${products.id} and ${productVariants.stock} > 0)`;

/** Pairs sharing a key are alternatives; each key must be satisfied. */
function attributeCondition(pairs: readonly SearchAttributeValue[]): SQL | undefined {
  const byKey = new Map<string, SearchAttributeValue[]>();
  for (const pair of pairs) byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), pair]);
  return and(
    ...[...byKey.values()].map((values) =>
      or(
        ...values.map(
          (pair) => sql`${products.attributes} @> ${JSON.stringify([{ key: pair.key, value: pair.value }])}::jsonb`,
        ),
      ),
    ),
  );
}

/** The filter's conditions on catalog.products (every one optional). */
export function filterCondition(filter: SearchFilterValues): SQL | undefined {
  const { categoryId, sellerId, brands, priceMin, priceMax, minRating, inStock, attributes } = filter;
  return and(
    categoryId != null ? sql`${products.categoryId} in ${subtreeIds(sql`${categoryId}`)}` : undefined,
    sellerId != null ? eq(products.sellerId, sellerId) : undefined,
    brands != null ? (brands.length > 0 ? inArray(products.brand, [...brands]) : sql`false`) : undefined,
    priceMin != null ? gte(products.minPrice, priceMin) : undefined,
    priceMax != null ? lte(products.minPrice, priceMax) : undefined,
    minRating != null ? gte(products.ratingAverage, minRating) : undefined,
    inStock == null ? undefined : inStock ? inStockVariant() : not(inStockVariant()),
    attributes?.length ? attributeCondition(attributes) : undefined,
  );
}

/** The full-text match of a prepared query, or nothing for an empty query (everything matches). */
export const textMatch = (fuzzy: string | null): SQL | undefined =>
  fuzzy === null ? undefined : sql`${products.searchVector} @@ ${fuzzy}::tsquery`;
