import { type Connection, deferred, pageSize } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../../context";
import type { Product } from "../../schema/product.type";
import { categoryOfProduct } from "../../services/category.service";
import { toProduct } from "../../services/product.service";
import type { SearchFacets } from "../schema/search-facets.type";
import type { SearchResult } from "../schema/search-result.type";
import { decodeSearchCursor, encodeSearchCursor, searchFingerprint } from "../search-cursor";
import type { SearchFacetCounts, SearchHit } from "../search-engine.port";
import { searchEngineFor } from "../search-engine.registry";
import { shapeFacets } from "../search-facets";
import { validFilter, validQuery } from "./search-input.service";

export interface SearchInput {
  query: string;
  filter?: Parameters<typeof validFilter>[0];
  first?: number | null;
  after?: string | null;
  /** Whether the caller will read the facets (then they are counted along with the page). */
  withFacets?: boolean;
}

/** Hits as products, through the per-request loader (one statement for the page). */
async function productsOf(ctx: CatalogContext, hits: SearchHit[], fingerprint: string) {
  const rows = await ctx.loaders.productById.loadMany(hits.map((hit) => hit.productId));
  return hits.flatMap((hit, i) => {
    const row = rows[i];
    // An external index may lag behind the catalog: never show what is no longer active.
    if (!row || row instanceof Error || row.status !== "ACTIVE") return [];
    return [{ cursor: encodeSearchCursor(fingerprint, hit.cursor), node: toProduct(row) }];
  });
}

function toFacets(ctx: CatalogContext, counts: SearchFacetCounts): SearchFacets {
  const shaped = shapeFacets(counts);
  return {
    // Lazy: the categories are loaded (in one statement) only when a client selects them.
    categories: shaped.categories.map(({ value, count }) => ({
      category: deferred(() => categoryOfProduct(ctx, value)),
      count,
    })),
    brands: shaped.brands.map(({ value, count }) => ({ brand: value, count })),
    prices: shaped.prices.map(({ value, count }) => ({ ...value, count })),
    ratings: shaped.ratings.map(({ value, count }) => ({ minRating: value, count })),
    sellers: shaped.sellers.map(({ value, count }) => ({ seller: { id: value }, count })),
    attributes: shaped.attributes.map(({ value, count }) => ({ key: value.key, value: value.value, count })),
  };
}

/**
 * A search: the engine ranks and counts, the page's products come through the loader, and facets
 * are computed only if selected. Statements do not depend on the page size.
 */
export async function searchProducts(ctx: CatalogContext, input: SearchInput): Promise<SearchResult> {
  const first = pageSize(input);
  const query = validQuery(input.query);
  const filter = validFilter(input.filter);
  const engine = searchEngineFor(ctx.db);
  const fingerprint = searchFingerprint(engine, query, filter);
  const after = input.after ? decodeSearchCursor(input.after, fingerprint, engine) : null;
  const response = await engine.search({ query, filter, first, after, withFacets: input.withFacets ?? false });
  const edges = await productsOf(ctx, response.hits, fingerprint);
  const products: Connection<Product> = {
    edges,
    pageInfo: {
      hasNextPage: response.hasNextPage,
      hasPreviousPage: Boolean(input.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: response.totalCount,
  };
  return {
    totalCount: response.totalCount,
    products,
    facets: deferred(async () => toFacets(ctx, await response.facets)),
  };
}
