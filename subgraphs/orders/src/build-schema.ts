import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { cartReferenceResolvers } from "./resolvers/cart.reference";
import { CartResolver } from "./resolvers/cart.resolver";
import { FulfillmentResolver } from "./resolvers/fulfillment.resolver";
import { orderReferenceResolvers } from "./resolvers/order.reference";
import { OrderResolver } from "./resolvers/order.resolver";
import { sellerReferenceResolvers } from "./resolvers/seller.reference";
import { SellerSalesResolver } from "./resolvers/seller.resolver";
import { Cart } from "./schema/cart.type";
import { Fulfillment } from "./schema/fulfillment.type";
import { Order } from "./schema/order.type";
import { Product } from "./schema/product.stub";
import { ProductVariant } from "./schema/product-variant.stub";
import { Seller } from "./schema/seller.stub";
import { User } from "./schema/user.stub";

export const buildOrdersSchema = () =>
  buildFederatedSchema({
    resolvers: [OrderResolver, FulfillmentResolver, CartResolver, SellerSalesResolver],
    entities: [Order, Fulfillment, Cart, Seller, User, Product, ProductVariant],
    referenceResolvers: { ...orderReferenceResolvers, ...cartReferenceResolvers, ...sellerReferenceResolvers },
  });
