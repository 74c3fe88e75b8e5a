import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import { type ReviewRepresentation, reviewReference } from "../services/verified-purchase.service";

/** Needs no loader: the representation carries everything `verifiedPurchase` needs. */
export const reviewReferenceResolvers: ReferenceResolvers = {
  Review: { __resolveReference: (ref: ReviewRepresentation) => reviewReference(ref) },
};
