import { buildFederatedSchema, createPubSub } from "@bazaar/subgraph-kit";
import { AccountResolver } from "./resolvers/account.resolver";
import { AddressResolver } from "./resolvers/address.resolver";
import { NotificationResolver } from "./resolvers/notification.resolver";
import { userReferenceResolvers } from "./resolvers/user.reference";
import { UserResolver } from "./resolvers/user.resolver";
import { UserNotificationsResolver } from "./resolvers/user-notifications.resolver";
import { WishlistResolver } from "./resolvers/wishlist.resolver";
import { Product } from "./schema/product.stub";
import { User } from "./schema/user.type";

export const buildUsersSchema = () =>
  buildFederatedSchema({
    resolvers: [
      UserResolver,
      UserNotificationsResolver,
      AccountResolver,
      AddressResolver,
      WishlistResolver,
      NotificationResolver,
    ],
    entities: [User, Product],
    // Required by type-graphql once a @Subscription exists; notificationAdded brings its own stream.
    pubSub: createPubSub(),
    referenceResolvers: userReferenceResolvers,
  });
