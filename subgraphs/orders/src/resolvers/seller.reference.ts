import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import { sellerReference } from "../services/seller-sales.service";

/** Needs no loader: the reference is the whole stub, and salesCount batches on its own loader. */
export const sellerReferenceResolvers: ReferenceResolvers = {
  Seller: { __resolveReference: (ref: { id: string }) => sellerReference(ref.id) },
};
