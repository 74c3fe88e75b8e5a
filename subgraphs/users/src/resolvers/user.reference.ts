import type { ReferenceResolvers } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import { userReference } from "../services/user.service";

export const userReferenceResolvers: ReferenceResolvers = {
  User: { __resolveReference: (ref: { id: string }, ctx: UsersContext) => userReference(ctx, ref.id) },
};
