import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { sellerReferenceResolvers } from "./resolvers/seller.reference";
import { SellerResolver } from "./resolvers/seller.resolver";
import { UserSellerResolver } from "./resolvers/user.resolver";

export const buildSellersSchema = () =>
  buildFederatedSchema({
    resolvers: [SellerResolver, UserSellerResolver],
    referenceResolvers: sellerReferenceResolvers,
  });
