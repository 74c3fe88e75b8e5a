import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { userReferenceResolvers } from "./resolvers/user.reference";
import { UserResolver } from "./resolvers/user.resolver";
import { User } from "./schema/user.type";

export const buildUsersSchema = () =>
  buildFederatedSchema({
    resolvers: [UserResolver],
    entities: [User],
    referenceResolvers: userReferenceResolvers,
  });
