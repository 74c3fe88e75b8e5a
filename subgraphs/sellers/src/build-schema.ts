import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { sellerReferenceResolvers } from "./resolvers/seller.reference";
import { SellerResolver } from "./resolvers/seller.resolver";
import { UserSellerResolver } from "./resolvers/user.resolver";
import { Seller } from "./schema/seller.type";
import { User } from "./schema/user.stub";

export const buildSellersSchema = () =>
  buildFederatedSchema({
    resolvers: [SellerResolver, UserSellerResolver],
    entities: [Seller, User],
    referenceResolvers: sellerReferenceResolvers,
  });
