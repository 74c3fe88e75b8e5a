import { buildFederatedSchema, createPubSub } from "@bazaar/subgraph-kit";
import { cartReferenceResolvers } from "./resolvers/cart.reference";
import { CartLineResolver } from "./resolvers/cart-line.resolver";
import { CartMutationResolver } from "./resolvers/cart-mutation.resolver";
import { CartResolver } from "./resolvers/cart.resolver";
import { CheckoutResolver } from "./resolvers/checkout.resolver";
import { FulfillmentResolver } from "./resolvers/fulfillment.resolver";
import { OrderEventResolver } from "./resolvers/order-event.resolver";
import { OrderMutationResolver } from "./resolvers/order-mutation.resolver";
import { orderReferenceResolvers } from "./resolvers/order.reference";
import { OrderResolver } from "./resolvers/order.resolver";
import { OrderUpdatesResolver } from "./resolvers/order-updates.resolver";
import { reviewReferenceResolvers } from "./resolvers/review.reference";
import { ReviewPurchaseResolver } from "./resolvers/review.resolver";
import { sellerReferenceResolvers } from "./resolvers/seller.reference";
import { SellerSalesResolver } from "./resolvers/seller.resolver";
import { userReferenceResolvers } from "./resolvers/user.reference";
import { UserOrdersResolver } from "./resolvers/user.resolver";
import { Cart } from "./schema/cart.type";
import { Fulfillment } from "./schema/fulfillment.type";
import { Order } from "./schema/order.type";
import { Product } from "./schema/product.stub";
import { ProductVariant } from "./schema/product-variant.stub";
import { Review } from "./schema/review.stub";
import { Seller } from "./schema/seller.stub";
import { User } from "./schema/user.stub";

export const buildOrdersSchema = () =>
  buildFederatedSchema({
    resolvers: [
      OrderResolver,
      OrderEventResolver,
      OrderMutationResolver,
      OrderUpdatesResolver,
      FulfillmentResolver,
      CartResolver,
      CartLineResolver,
      CartMutationResolver,
      CheckoutResolver,
      SellerSalesResolver,
      UserOrdersResolver,
      ReviewPurchaseResolver,
    ],
    entities: [Order, Fulfillment, Cart, Seller, User, Product, ProductVariant, Review],
    // Required by type-graphql once a @Subscription exists; orderUpdated brings its own stream (the order feed).
    pubSub: createPubSub(),
    referenceResolvers: {
      ...orderReferenceResolvers,
      ...cartReferenceResolvers,
      ...sellerReferenceResolvers,
      ...userReferenceResolvers,
      ...reviewReferenceResolvers,
    },
  });
