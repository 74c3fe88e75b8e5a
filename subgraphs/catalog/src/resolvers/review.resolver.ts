import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { Product } from "../schema/product.type";
import { Review } from "../schema/review.type";
import { owningProduct } from "../services/product.service";

@Resolver(() => Review)
export class ReviewResolver {
  @Directive('@tag(name: "partner")')
  @FieldResolver(() => Product)
  product(@Root() review: Review, @Ctx() ctx: CatalogContext) {
    return owningProduct(ctx, review.productId);
  }
}
