import { InternalCallError, internalClient, isIdLike, operation } from "@bazaar/subgraph-kit";

/**
 * What users needs to know about products, which catalog owns: whether an id names a product a
 * shopper may save. A port, so the wishlist rules do not depend on how catalog is reached.
 */
export interface ProductDirectory {
  isActiveProduct(productId: string): Promise<boolean>;
}

const PRODUCT_ID = /^[a-z]{2,8}_[A-Za-z0-9_-]{1,64}$/;

/** Without catalog (tests, tools): any id shaped like an id is accepted. */
export const shapeOnlyProductDirectory: ProductDirectory = {
  isActiveProduct: async (productId) => isIdLike(productId) && PRODUCT_ID.test(productId),
};

const PRODUCT_STATUS = operation<
  { _entities: ({ id?: string; status?: string } | null)[] },
  { r: { __typename: "Product"; id: string }[] }
>("query($r:[_Any!]!){_entities(representations:$r){... on Product { id status }}}");

/** Asks catalog through its federation entry point, exactly as the router would. */
export function httpProductDirectory(options: {
  catalogUrl: string;
  serviceToken?: string | undefined;
  timeoutMs?: number;
}): ProductDirectory {
  const catalog = internalClient({
    service: "catalog",
    url: options.catalogUrl,
    serviceToken: options.serviceToken,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  return {
    async isActiveProduct(productId) {
      if (!(await shapeOnlyProductDirectory.isActiveProduct(productId))) return false;
      try {
        const data = await catalog.request(PRODUCT_STATUS, { r: [{ __typename: "Product", id: productId }] });
        const product = data._entities[0];
        return product?.id === productId && product.status === "ACTIVE";
      } catch (error) {
        throw catalogUnavailable(error);
      }
    },
  };
}

/** Catalog being down is not the shopper's mistake: a retryable error, not PRODUCT_NOT_FOUND. */
function catalogUnavailable(cause: unknown) {
  if (!(cause instanceof InternalCallError)) throw cause;
  console.error(
    JSON.stringify({ level: "error", msg: "catalog product check failed", code: cause.code, error: cause.message }),
  );
  return cause.toGraphQLError("Products cannot be checked right now; try again shortly");
}
