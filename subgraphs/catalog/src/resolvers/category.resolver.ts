import { Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { CatalogContext } from "../context";
import { Category } from "../schema/category.type";
import { childrenOf, parentOf, productCountOf, rootCategories } from "../services/category.service";

@Resolver(() => Category)
export class CategoryResolver {
  @Directive('@tag(name: "partner")')
  @Query(() => [Category], { description: "Root categories in display order; `children` reaches the rest." })
  categories(@Ctx() ctx: CatalogContext) {
    return rootCategories(ctx);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => Category, { nullable: true, description: "null for a root category." })
  parent(@Root() category: Category, @Ctx() ctx: CatalogContext) {
    return parentOf(ctx, category);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => [Category], { description: "Direct subcategories in display order." })
  children(@Root() category: Category, @Ctx() ctx: CatalogContext) {
    return childrenOf(ctx, category);
  }

  @Directive('@tag(name: "partner")')
  @FieldResolver(() => Int, { description: "Active products in this category and all its descendants." })
  productCount(@Root() category: Category, @Ctx() ctx: CatalogContext) {
    return productCountOf(ctx, category);
  }
}
