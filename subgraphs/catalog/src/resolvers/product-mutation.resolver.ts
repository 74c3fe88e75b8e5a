import { Authenticated } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { CatalogContext } from "../context";
import { ArchiveProductInput, CreateProductInput, SetStockInput, UpdateProductInput } from "../schema/product.input";
import {
  ArchiveProductPayload,
  CreateProductPayload,
  SetStockPayload,
  UpdateProductPayload,
} from "../schema/product.payload";
import { createProduct } from "../services/product-create.service";
import { archiveProduct, updateProduct } from "../services/product-update.service";
import { setStock } from "../services/stock.service";

/** Catalog management: the owning seller or an admin; anyone else gets FORBIDDEN. */
@Resolver()
export class ProductMutationResolver {
  @Authenticated()
  @Mutation(() => CreateProductPayload, { description: "Lists a new product with its variants (DRAFT unless ACTIVE is asked)." })
  createProduct(@Arg("input", () => CreateProductInput) input: CreateProductInput, @Ctx() ctx: CatalogContext) {
    return createProduct(ctx, input);
  }

  @Authenticated()
  @Mutation(() => UpdateProductPayload, { description: "Edits a product and adds, changes or removes variants, all or nothing." })
  updateProduct(@Arg("input", () => UpdateProductInput) input: UpdateProductInput, @Ctx() ctx: CatalogContext) {
    return updateProduct(ctx, input);
  }

  @Authenticated()
  @Mutation(() => ArchiveProductPayload, { description: "Takes a product off sale; orders and reviews keep showing it." })
  archiveProduct(@Arg("input", () => ArchiveProductInput) input: ArchiveProductInput, @Ctx() ctx: CatalogContext) {
    return archiveProduct(ctx, input);
  }

  @Authenticated()
  @Mutation(() => SetStockPayload, { description: "Sets a variant's units available to sell." })
  setStock(@Arg("input", () => SetStockInput) input: SetStockInput, @Ctx() ctx: CatalogContext) {
    return setStock(ctx, input);
  }
}
