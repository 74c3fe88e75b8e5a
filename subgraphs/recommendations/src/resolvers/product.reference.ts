import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import { productStub } from "../services/recommendation.service";

/** Product is catalog's entity; here a reference only needs its id to resolve the added fields. */
export const productReferenceResolvers: ReferenceResolvers = {
  Product: { __resolveReference: (ref: { id: string }) => productStub(ref.id) },
};
