/**
 * What the router benchmark asks: the storefront's home page and a product page, with the field
 * sets the client screens select (schema/api.graphql). Home reaches catalog, recommendations and
 * sellers; the product page reaches all of catalog, sellers, users (review authors) and
 * recommendations, each entity fetch planned by the gateway.
 */
const CARD = /* GraphQL */ `
  id
  title
  slug
  brand
  priceRange { min { amount currencyCode } max { amount currencyCode } }
  rating { average count }
  images { url alt }
  seller { id name slug }
  category { id name slug }
`;

export const STOREFRONT_HOME = /* GraphQL */ `
  query StorefrontHome {
    categories { id name slug children { id name slug } }
    trendingProducts(first: 8) { ${CARD} }
    products(first: 12) {
      totalCount
      edges { cursor node { ${CARD} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const PRODUCT_PAGE = /* GraphQL */ `
  query ProductPage($slug: String!) {
    product(slug: $slug) {
      id
      title
      slug
      description
      brand
      status
      images { url alt }
      attributes { key value }
      options { name values }
      priceRange { min { amount currencyCode } max { amount currencyCode } }
      rating { average count }
      category { id name slug parent { id name slug } }
      seller { id name slug rating { average count } }
      variants {
        id
        sku
        title
        optionValues { name value }
        price { amount currencyCode }
        compareAtPrice { amount currencyCode }
        inStock
      }
      reviews(first: 5) {
        totalCount
        edges { node { id rating title body createdAt verifiedPurchase author { id name } } }
        pageInfo { hasNextPage endCursor }
      }
      recommendations(first: 4) { ${CARD} }
      frequentlyBoughtTogether(first: 3) { ${CARD} }
    }
  }
`;

/** Slugs for the product page: the most popular products, which have reviews and co-purchases. */
export const POPULAR_SLUGS = /* GraphQL */ `
  query BenchSlugs {
    products(first: 40, sort: POPULARITY) { edges { node { slug } } }
  }
`;

export interface RouterWorkload {
  /** For BENCH_ROUTER_QUERIES: "home", "product". */
  key: string;
  name: string;
  /** The JSON body of the i-th request. */
  body(i: number): string;
}

export function routerWorkloads(slugs: readonly string[]): RouterWorkload[] {
  const home = JSON.stringify({ query: STOREFRONT_HOME, operationName: "StorefrontHome" });
  const pages = slugs.map((slug) =>
    JSON.stringify({ query: PRODUCT_PAGE, operationName: "ProductPage", variables: { slug } }),
  );
  return [
    { key: "home", name: "storefront home", body: () => home },
    { key: "product", name: "product page", body: (i) => pages[i % pages.length] as string },
  ];
}
