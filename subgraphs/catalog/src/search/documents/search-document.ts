import type { SearchAttributeValue } from "../search-engine.port";
import { priceBucketIndex, RATING_THRESHOLDS } from "../search-facets";

/**
 * A public product as an external engine indexes it. Everything a filter or facet needs is
 * precomputed here so the engine answers exactly what the Postgres adapter answers: ancestors in
 * `categoryIds` (the category filter includes descendants), the reached rating thresholds, the
 * price bucket, and attribute pairs as JSON `[key, value]` strings.
 */
export interface ProductDocument {
  id: string;
  title: string;
  brand: string | null;
  description: string;
  /** The product's category and its ancestors, root first. */
  categoryIds: string[];
  categoryNames: string[];
  sellerId: string;
  /** Lowest variant price, minor units. */
  price: number;
  priceBucket: number;
  rating: number;
  ratingAtLeast: number[];
  inStock: boolean;
  attributes: string[];
  popularity: number;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
}

export interface DocumentSource {
  id: string;
  title: string;
  brand: string | null;
  description: string;
  categoryId: string;
  sellerId: string;
  minPrice: number;
  ratingAverage: number;
  attributes: SearchAttributeValue[];
  popularity: number;
  createdAt: Date;
  inStock: boolean;
}

export const encodeAttribute = (pair: SearchAttributeValue) => JSON.stringify([pair.key, pair.value]);

export function decodeAttribute(encoded: string): SearchAttributeValue | null {
  try {
    const [key, value] = JSON.parse(encoded) as unknown[];
    return typeof key === "string" && typeof value === "string" ? { key, value } : null;
  } catch {
    return null;
  }
}

/** The category and its ancestors, root first; stops at a cycle. */
export function ancestry(categoryId: string, byId: ReadonlyMap<string, CategoryNode>): CategoryNode[] {
  const path: CategoryNode[] = [];
  const seen = new Set<string>();
  for (
    let node = byId.get(categoryId);
    node && !seen.has(node.id);
    node = node.parentId ? byId.get(node.parentId) : undefined
  ) {
    seen.add(node.id);
    path.unshift(node);
  }
  return path;
}

export function toProductDocument(
  source: DocumentSource,
  categories: ReadonlyMap<string, CategoryNode>,
): ProductDocument {
  const path = ancestry(source.categoryId, categories);
  const pairs = new Set(
    source.attributes
      .filter((pair) => typeof pair?.key === "string" && typeof pair?.value === "string")
      .map(encodeAttribute),
  );
  return {
    id: source.id,
    title: source.title,
    brand: source.brand,
    description: source.description,
    categoryIds: path.map((node) => node.id),
    categoryNames: path.map((node) => node.name),
    sellerId: source.sellerId,
    price: source.minPrice,
    priceBucket: priceBucketIndex(source.minPrice),
    rating: source.ratingAverage,
    ratingAtLeast: RATING_THRESHOLDS.filter((threshold) => source.ratingAverage >= threshold),
    inStock: source.inStock,
    attributes: [...pairs],
    popularity: source.popularity,
    createdAt: source.createdAt.getTime(),
  };
}
