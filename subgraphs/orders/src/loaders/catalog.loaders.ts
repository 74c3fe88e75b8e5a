import { keyedLoader } from "@bazaar/subgraph-kit";
import type { CatalogPort } from "../clients/catalog.client";

/** Live variant facts: every cart line of one request is priced by one call to catalog. */
export function createCatalogLoaders(catalog: CatalogPort) {
  return {
    variantById: keyedLoader(
      (ids: readonly string[]) => catalog.variants(ids),
      (variant) => variant.id,
    ),
  };
}
export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
