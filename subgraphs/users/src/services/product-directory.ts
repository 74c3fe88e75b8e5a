import { codedError, SERVICE_TOKEN_HEADER } from "@bazaar/subgraph-kit";
import { isIdLike } from "./input.validation";

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

const ENTITIES_QUERY = "query($r:[_Any!]!){_entities(representations:$r){... on Product { id status }}}";

interface EntitiesResponse {
  data?: { _entities?: ({ id?: string; status?: string } | null)[] } | null;
  errors?: unknown[];
}

/** Asks catalog through its federation entry point, exactly as the router would. */
export function httpProductDirectory(options: {
  catalogUrl: string;
  serviceToken?: string | undefined;
  timeoutMs?: number;
}): ProductDirectory {
  return {
    async isActiveProduct(productId) {
      if (!(await shapeOnlyProductDirectory.isActiveProduct(productId))) return false;
      let body: EntitiesResponse;
      try {
        const response = await fetch(options.catalogUrl, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(options.serviceToken ? { [SERVICE_TOKEN_HEADER]: options.serviceToken } : {}),
          },
          body: JSON.stringify({ query: ENTITIES_QUERY, variables: { r: [{ __typename: "Product", id: productId }] } }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        if (!response.ok) throw new Error(`catalog answered HTTP ${response.status}`);
        body = (await response.json()) as EntitiesResponse;
      } catch (error) {
        throw catalogUnavailable(error);
      }
      if (body.errors?.length || !body.data?._entities) throw catalogUnavailable(body.errors);
      const product = body.data._entities[0];
      return product?.id === productId && product.status === "ACTIVE";
    },
  };
}

/** Catalog being down is not the shopper's mistake: a retryable error, not PRODUCT_NOT_FOUND. */
function catalogUnavailable(cause: unknown) {
  console.error(
    JSON.stringify({
      level: "error",
      msg: "catalog product check failed",
      error: cause instanceof Error ? cause.message : JSON.stringify(cause),
    }),
  );
  return codedError("SERVICE_UNAVAILABLE", "Products cannot be checked right now; try again shortly");
}
