import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { Product } from "../schema/product.type";
import { ProductVariant } from "../schema/product-variant.type";
import { owningProduct } from "../services/product.service";

@Resolver(() => ProductVariant)
export class ProductVariantResolver {
  @Directive('@tag(name: "partner")')
  @FieldResolver(() => Product)
  product(@Root() variant: ProductVariant, @Ctx() ctx: CatalogContext) {
    return owningProduct(ctx, variant.productId);
  }
}
