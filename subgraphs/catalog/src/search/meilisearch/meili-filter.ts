import type { SearchAttributeValue, SearchFilterValues } from "../search-engine.port";
import { encodeAttribute } from "../documents/search-document";

/** A Meilisearch filter string literal: double-quoted, with quotes and backslashes escaped. */
export const quoted = (value: string) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

const finite = (value: number) => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
};

function attributeGroups(pairs: readonly SearchAttributeValue[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const pair of pairs) {
    byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), `attributes = ${quoted(encodeAttribute(pair))}`]);
  }
  return [...byKey.values()];
}

/**
 * The filter in Meilisearch's array form: top-level entries are ANDed, entries of a nested array
 * ORed. Non-public products are never in the index, so visibility needs no condition.
 */
export function meiliFilter(filter: SearchFilterValues): (string | string[])[] {
  const { categoryId, sellerId, brands, priceMin, priceMax, minRating, inStock, attributes } = filter;
  const conditions: (string | string[])[] = [];
  if (categoryId != null) conditions.push(`categoryIds = ${quoted(categoryId)}`);
  if (sellerId != null) conditions.push(`sellerId = ${quoted(sellerId)}`);
  if (brands?.length) conditions.push(brands.map((brand) => `brand = ${quoted(brand)}`));
  if (priceMin != null) conditions.push(`price >= ${finite(priceMin)}`);
  if (priceMax != null) conditions.push(`price <= ${finite(priceMax)}`);
  if (minRating != null) conditions.push(`rating >= ${finite(minRating)}`);
  if (inStock != null) conditions.push(`inStock = ${inStock}`);
  if (attributes?.length) conditions.push(...attributeGroups(attributes));
  return conditions;
}
