import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { AccountResolver } from "./resolvers/account.resolver";
import { AddressResolver } from "./resolvers/address.resolver";
import { userReferenceResolvers } from "./resolvers/user.reference";
import { UserResolver } from "./resolvers/user.resolver";
import { WishlistResolver } from "./resolvers/wishlist.resolver";
import { Product } from "./schema/product.stub";
import { User } from "./schema/user.type";

export const buildUsersSchema = () =>
  buildFederatedSchema({
    resolvers: [UserResolver, AccountResolver, AddressResolver, WishlistResolver],
    entities: [User, Product],
    referenceResolvers: userReferenceResolvers,
  });
