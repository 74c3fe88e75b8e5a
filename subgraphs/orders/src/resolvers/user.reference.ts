import type { ReferenceResolvers } from "@bazaar/subgraph-kit";

/** users decides whether a user exists; orders only answers the fields it adds, so the stub is enough. */
export const userReferenceResolvers: ReferenceResolvers = {
  User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
