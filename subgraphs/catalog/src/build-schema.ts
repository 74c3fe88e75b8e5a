import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { catalogReferenceResolvers } from "./resolvers/catalog.reference";
import { CategoryResolver } from "./resolvers/category.resolver";
import { ProductResolver } from "./resolvers/product.resolver";
import { ProductVariantResolver } from "./resolvers/product-variant.resolver";
import { ReviewResolver } from "./resolvers/review.resolver";
import { SellerProductsResolver } from "./resolvers/seller.resolver";
import { UserReviewsResolver } from "./resolvers/user.resolver";
import { Category } from "./schema/category.type";
import { Product } from "./schema/product.type";
import { ProductVariant } from "./schema/product-variant.type";
import { Review } from "./schema/review.type";
import { Seller } from "./schema/seller.stub";
import { User } from "./schema/user.stub";

export const buildCatalogSchema = () =>
  buildFederatedSchema({
    resolvers: [
      ProductResolver,
      ProductVariantResolver,
      CategoryResolver,
      ReviewResolver,
      SellerProductsResolver,
      UserReviewsResolver,
    ],
    entities: [Product, ProductVariant, Category, Review, Seller, User],
    referenceResolvers: catalogReferenceResolvers,
  });
