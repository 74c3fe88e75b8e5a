import { expect } from "vitest";
import { type Catalog, type GraphQLErrorShape, startCatalog } from "./harness";

/** What the tests know about each active product, to compute expected listings independently. */
export interface Listed {
  id: string;
  categoryId: string;
  sellerId: string;
  prices: number[];
  stocks: number[];
  rating: number;
  ratingCount: number;
  popularity: number;
  createdAt: string;
}

export type Sort = "NEWEST" | "PRICE_ASC" | "PRICE_DESC" | "RATING" | "POPULARITY";
export interface Filter {
  categoryId?: string;
  sellerId?: string;
  priceMin?: number;
  priceMax?: number;
  inStock?: boolean;
}

const PRICE_SETS = [[1500], [1000, 5000], [2500, 2600], [999], [2500], [4000, 800], [1500, 3000]];
const RATINGS = [[5], [4, 5], [5, 4, 4], [3], [], [5, 5], [4, 4, 5], [2, 4]];

/**
 * A shared listing world for the products sort and filter tests: 27 active products over a
 * three-level category tree (ties in every sort key, timestamps a microsecond apart) plus hidden
 * ones, and an independent model of what any filter and sort must return.
 */
export async function startListing() {
  const catalog = await startCatalog();
  const active: Listed[] = [];
  const { fixtures } = catalog;
  const electronics = await fixtures.category({ name: "Electronics", slug: "electronics" });
  const phones = await fixtures.category({ name: "Phones", slug: "phones", parentId: electronics.id });
  const cases = await fixtures.category({ name: "Cases", slug: "cases", parentId: phones.id });
  const books = await fixtures.category({ name: "Books", slug: "books" });
  // Category id → itself and its descendants.
  const tree: Record<string, string[]> = {
    [electronics.id]: [electronics.id, phones.id, cases.id],
    [phones.id]: [phones.id, cases.id],
    [cases.id]: [cases.id],
    [books.id]: [books.id],
  };
  const ids = { electronics: electronics.id, phones: phones.id };
  const categories = [electronics.id, phones.id, cases.id, books.id];
  for (let i = 0; i < 26; i += 1) {
    // Groups of six share a second and differ by microseconds only; some share the exact instant.
    const createdAt = `2026-03-01 12:00:0${Math.floor(i / 6)}.00000${i % 3}+00`;
    const prices = PRICE_SETS[i % PRICE_SETS.length]!;
    const stock = i % 5 === 0 ? 0 : 3;
    const ratings = RATINGS[i % RATINGS.length]!;
    const row = await fixtures.product({
      categoryId: categories[i % 4]!,
      sellerId: `sel_${"abc"[i % 3]}`,
      popularity: (i * 7) % 5,
      createdAt,
      variants: prices.map((price) => ({ price, stock })),
      reviews: ratings.map((rating) => ({ rating })),
    });
    active.push({
      id: row.id,
      categoryId: row.categoryId,
      sellerId: row.sellerId,
      prices,
      stocks: prices.map(() => stock),
      rating: Math.fround(row.ratingAverage ?? 0),
      ratingCount: ratings.length,
      popularity: row.popularity ?? 0,
      createdAt,
    });
  }
  // No variants yet: priced at 0, never in a price range, never in stock.
  const createdAt = "2026-03-01 11:00:00.000000+00";
  const bare = await fixtures.product({ categoryId: books.id, sellerId: "sel_a", createdAt });
  active.push({
    id: bare.id,
    categoryId: books.id,
    sellerId: "sel_a",
    prices: [],
    stocks: [],
    rating: 0,
    ratingCount: 0,
    popularity: 0,
    createdAt,
  });
  // Cheap, popular, in stock and new, but never listed.
  for (const status of ["DRAFT", "ARCHIVED"] as const) {
    await fixtures.product({
      status,
      categoryId: phones.id,
      sellerId: "sel_a",
      popularity: 99,
      variants: [{ price: 1 }],
    });
  }
  return listingWorld(catalog, active, tree, ids);
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const minPrice = (p: Listed) => (p.prices.length ? Math.min(...p.prices) : 0);
const orders: Record<Sort, (a: Listed, b: Listed) => number> = {
  NEWEST: (a, b) => compare(b.createdAt, a.createdAt) || compare(b.id, a.id),
  PRICE_ASC: (a, b) => compare(minPrice(a), minPrice(b)) || compare(a.id, b.id),
  PRICE_DESC: (a, b) => compare(minPrice(b), minPrice(a)) || compare(b.id, a.id),
  RATING: (a, b) => compare(b.rating, a.rating) || compare(b.ratingCount, a.ratingCount) || compare(b.id, a.id),
  POPULARITY: (a, b) => compare(b.popularity, a.popularity) || compare(b.id, a.id),
};

const LIST = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
interface ListPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

function listingWorld(
  catalog: Catalog,
  active: Listed[],
  tree: Record<string, string[]>,
  ids: { electronics: string; phones: string },
) {
  /** The ids `products(filter, sort)` must list, in order, computed without the server. */
  function expected(filter: Filter, sort: Sort): string[] {
    const inRange = (price: number) =>
      (filter.priceMin === undefined || price >= filter.priceMin) &&
      (filter.priceMax === undefined || price <= filter.priceMax);
    return active
      .filter((p) => filter.categoryId === undefined || tree[filter.categoryId]?.includes(p.categoryId))
      .filter((p) => filter.sellerId === undefined || p.sellerId === filter.sellerId)
      .filter((p) => (filter.priceMin === undefined && filter.priceMax === undefined) || p.prices.some(inRange))
      .filter((p) => filter.inStock === undefined || p.stocks.some((s) => s > 0) === filter.inStock)
      .sort(orders[sort])
      .map((p) => p.id);
  }

  async function list(variables: Record<string, unknown>) {
    const res = await catalog.gql<{ products: ListPage }>(LIST, variables);
    return { page: res.body.data?.products, errors: res.body.errors as GraphQLErrorShape[] | undefined };
  }

  /** Follows `endCursor` to the end, checking the page bookkeeping on the way. */
  async function walk(filter: Filter, sort: Sort, first = 4): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const { page, errors } = await list({ first, after, filter, sort });
      expect(errors).toBeUndefined();
      expect(page?.totalCount).toBe(expected(filter, sort).length);
      expect(page?.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...(page?.edges.map((e) => e.node.id) ?? []));
      if (!page?.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
    throw new Error("pagination did not end");
  }

  return { catalog, active, ids, expected, list, walk };
}
export type ListingWorld = Awaited<ReturnType<typeof startListing>>;
