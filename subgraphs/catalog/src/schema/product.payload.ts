import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Product } from "./product.type";
import { ProductVariant } from "./product-variant.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class ProductPayload {
  @Field(() => Product, { nullable: true, description: "The product as saved; null when userErrors is not empty." })
  product?: Product | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CreateProductPayload extends ProductPayload {}

@ObjectType()
export class UpdateProductPayload extends ProductPayload {}

@ObjectType()
export class ArchiveProductPayload extends ProductPayload {}

@ObjectType()
export class SetStockPayload {
  @Field(() => ProductVariant, { nullable: true })
  variant?: ProductVariant | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
