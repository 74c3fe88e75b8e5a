import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";
import { sellerReference } from "../services/seller.service";

export const sellerReferenceResolvers: ReferenceResolvers = {
  Seller: { __resolveReference: (ref: { id: string }, ctx: SellersContext) => sellerReference(ctx, ref.id) },
  // A stub: the fields sellers adds to User need nothing but the id.
  User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
