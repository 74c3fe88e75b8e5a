import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { sellerReferenceResolvers } from "./resolvers/seller.reference";
import { SellerResolver } from "./resolvers/seller.resolver";
import { SellerApplicationResolver } from "./resolvers/seller-application.resolver";
import { SellerPrivateFieldsResolver } from "./resolvers/seller-fields.resolver";
import { UserSellerResolver } from "./resolvers/user.resolver";
import { Seller } from "./schema/seller.type";
import { User } from "./schema/user.stub";

export const buildSellersSchema = () =>
  buildFederatedSchema({
    resolvers: [SellerResolver, SellerPrivateFieldsResolver, UserSellerResolver, SellerApplicationResolver],
    entities: [Seller, User],
    referenceResolvers: sellerReferenceResolvers,
  });
