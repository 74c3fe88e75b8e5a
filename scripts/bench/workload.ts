/**
 * What the benchmark asks the catalog subgraph: a storefront search page (results, total and
 * facets) over a fixed query mix, and a product listing page for each sort. The words come from
 * the seed's vocabulary (scripts/seed/catalog.vocabulary.ts); a third of the queries carry typos.
 */
export interface SearchCase {
  label: string;
  query: string;
  filter?: Record<string, unknown>;
}

export const SEARCH_CASES: SearchCase[] = [
  { label: "exact", query: "wireless earbuds" },
  { label: "exact", query: "smartwatch" },
  { label: "exact", query: "mechanical keyboard" },
  { label: "exact", query: "yoga mat" },
  { label: "exact", query: "electric kettle" },
  { label: "exact", query: "running shoes" },
  { label: "exact", query: "voltra" },
  { label: "exact", query: "bluetooth speaker" },
  { label: "prefix", query: "smart" },
  { label: "prefix", query: "leather sne" },
  { label: "typo", query: "wirelss earbuds" },
  { label: "typo", query: "smartwacth" },
  { label: "typo", query: "headphnoes" },
  { label: "typo", query: "bakcpack" },
  { label: "typo", query: "mechancial keybaord" },
  { label: "typo", query: "sleepign bag" },
  { label: "typo", query: "dumbells" },
  { label: "filtered", query: "wireless", filter: { priceMax: 10_000 } },
  { label: "filtered", query: "shoes", filter: { minRating: 4 } },
  { label: "filtered", query: "jacket", filter: { inStock: true, brand: ["Lumen", "Northbound"] } },
  { label: "filtered", query: "lamp", filter: { attributes: [{ key: "Material", value: "Bamboo" }] } },
];

export const LISTING_SORTS = ["NEWEST", "PRICE_ASC", "PRICE_DESC", "RATING", "POPULARITY"] as const;

const PRODUCT_CARD = `id title slug brand priceRange { min { amount currencyCode } } rating { average count } images { url alt }`;

export const SEARCH_PAGE = /* GraphQL */ `
  query SearchPage($query: String!, $filter: SearchFilter) {
    search(query: $query, filter: $filter, first: 20) {
      totalCount
      facets {
        categories { category { id name } count }
        brands { brand count }
        prices { priceMin priceMax count }
        ratings { minRating count }
        sellers { seller { id } count }
        attributes { key value count }
      }
      products { edges { cursor node { ${PRODUCT_CARD} } } pageInfo { hasNextPage endCursor } }
    }
  }
`;

export const LISTING_PAGE = /* GraphQL */ `
  query ListingPage($sort: ProductSort, $after: String) {
    products(first: 20, sort: $sort, after: $after) {
      totalCount
      edges { cursor node { ${PRODUCT_CARD} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
