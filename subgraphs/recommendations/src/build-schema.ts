import { buildFederatedSchema } from "@bazaar/subgraph-kit";
import { productReferenceResolvers } from "./resolvers/product.reference";
import { ProductRecommendationsResolver } from "./resolvers/product.resolver";
import { TrendingResolver } from "./resolvers/trending.resolver";
import { Product } from "./schema/product.stub";

export const buildRecommendationsSchema = () =>
  buildFederatedSchema({
    resolvers: [ProductRecommendationsResolver, TrendingResolver],
    entities: [Product],
    referenceResolvers: productReferenceResolvers,
  });
