import { PageArgs } from "@bazaar/subgraph-kit";
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { Category } from "../schema/category.type";
import { ProductLookupArgs, ProductsArgs } from "../schema/product.args";
import { Product } from "../schema/product.type";
import { ProductConnection } from "../schema/product-connection.type";
import { ProductVariant } from "../schema/product-variant.type";
import { ReviewConnection } from "../schema/review-connection.type";
import { categoryOfProduct } from "../services/category.service";
import { findProduct } from "../services/product.service";
import { listActiveProducts } from "../services/product-list.service";
import { variantsOf } from "../services/product-variant.service";
import { productReviews } from "../services/review.service";

@Resolver(() => Product)
export class ProductResolver {
  @Directive('@tag(name: "partner")')
  @Query(() => Product, { nullable: true, description: "An active product by id or slug (pass exactly one)." })
  product(@Args(() => ProductLookupArgs) args: ProductLookupArgs, @Ctx() ctx: CatalogContext) {
    return findProduct(ctx, args);
  }

  @Directive('@tag(name: "partner")')
  @Query(() => ProductConnection, { description: "Active products, filtered and sorted." })
  products(@Args(() => ProductsArgs) args: ProductsArgs, @Ctx() ctx: CatalogContext) {
    return listActiveProducts(ctx, args);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => Category)
  category(@Root() product: Product, @Ctx() ctx: CatalogContext) {
    return categoryOfProduct(ctx, product.categoryId);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => [ProductVariant], { description: "Purchasable versions, in display order." })
  variants(@Root() product: Product, @Ctx() ctx: CatalogContext) {
    return variantsOf(ctx, product.id);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => ReviewConnection, { description: "Newest first." })
  reviews(@Root() product: Product, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    return productReviews(ctx, product, page);
  }
}
