import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { catalogReferenceResolvers } from "./resolvers/catalog.reference";
import { CategoryResolver } from "./resolvers/category.resolver";
import { ProductResolver } from "./resolvers/product.resolver";
import { ProductMutationResolver } from "./resolvers/product-mutation.resolver";
import { ProductVariantResolver } from "./resolvers/product-variant.resolver";
import { ReviewResolver } from "./resolvers/review.resolver";
import { ReviewMutationResolver } from "./resolvers/review-mutation.resolver";
import { SellerProductsResolver } from "./resolvers/seller.resolver";
import { SellerListingResolver } from "./resolvers/seller-listing.resolver";
import { StockReservationResolver } from "./resolvers/stock-reservation.resolver";
import { UserReviewsResolver } from "./resolvers/user.resolver";
import { SearchResolver } from "./search";
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
      ProductMutationResolver,
      ReviewMutationResolver,
      StockReservationResolver,
      SellerListingResolver,
      SearchResolver,
    ],
    entities: [Product, ProductVariant, Category, Review, Seller, User],
    referenceResolvers: catalogReferenceResolvers,
  });
