import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { categoryReference } from "../services/category.service";
import { productReference } from "../services/product.service";
import { variantReference } from "../services/product-variant.service";
import { reviewReference } from "../services/review.service";

type Ref = { id: string };

/** Owned entities resolve through per-request loaders: one statement per type per request. */
export const catalogReferenceResolvers: ReferenceResolvers = {
  Product: { __resolveReference: (ref: Ref, ctx: CatalogContext) => productReference(ctx, ref.id) },
  ProductVariant: { __resolveReference: (ref: Ref, ctx: CatalogContext) => variantReference(ctx, ref.id) },
  Category: { __resolveReference: (ref: Ref, ctx: CatalogContext) => categoryReference(ctx, ref.id) },
  Review: { __resolveReference: (ref: Ref, ctx: CatalogContext) => reviewReference(ctx, ref.id) },
  // Stubs of other subgraphs' entities: catalog only adds fields, so it takes the id on trust.
  Seller: { __resolveReference: (ref: Ref) => ({ id: ref.id }) },
  User: { __resolveReference: (ref: Ref) => ({ id: ref.id }) },
};
