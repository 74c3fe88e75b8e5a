import { Field, ID, InputType, Int } from "type-graphql";
import { ProductStatus } from "./product.type";
import { ProductVariantChangeInput, ProductVariantInput } from "./product-variant.input";

@InputType({ description: "A product photo." })
export class ProductImageInput {
  @Field(() => String, { description: "http(s) URL, at most 2,048 characters." })
  url!: string;

  @Field(() => String, { nullable: true, description: "Text alternative, at most 200 characters." })
  alt?: string | null;
}

@InputType({ description: "A specification line, e.g. material: cotton." })
export class ProductAttributeInput {
  @Field(() => String, { description: "1–100 characters." })
  key!: string;

  @Field(() => String, { description: "1–500 characters." })
  value!: string;
}

@InputType({ description: "A dimension variants differ in, e.g. size with values S, M, L." })
export class ProductOptionInput {
  @Field(() => String, { description: "1–50 characters, unique within the product." })
  name!: string;

  @Field(() => [String], { description: "1–100 distinct values of 1–50 characters each." })
  values!: string[];
}

@InputType()
export class CreateProductInput {
  @Field(() => ID, {
    nullable: true,
    description: "The store to list under. Sellers may omit it (their own store); admins must pass it.",
  })
  sellerId?: string | null;

  @Field(() => String, { description: "1–200 characters." })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: "Lower-case letters, digits and single hyphens, at most 100 characters; derived from the title when omitted.",
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "At most 10,000 characters." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "At most 100 characters." })
  brand?: string | null;

  @Field(() => ID)
  categoryId!: string;

  @Field(() => [ProductImageInput], { nullable: true, description: "At most 20." })
  images?: ProductImageInput[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: "At most 50." })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductOptionInput], { nullable: true, description: "At most 3." })
  options?: ProductOptionInput[] | null;

  @Field(() => String, { nullable: true, description: "ISO-4217 code of every variant's prices; default USD." })
  currencyCode?: string | null;

  @Field(() => ProductStatus, { nullable: true, description: "DRAFT (default) or ACTIVE." })
  status?: ProductStatus | null;

  @Field(() => [ProductVariantInput], { description: "1 to 100 variants, one per combination of option values." })
  variants!: ProductVariantInput[];
}

/** Fields left out stay as they are; `null` clears an optional field (brand) and is refused for a required one. */
@InputType()
export class UpdateProductInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  brand?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => [ProductImageInput], { nullable: true, description: "Replaces every image." })
  images?: ProductImageInput[] | null;

  @Field(() => [ProductAttributeInput], { nullable: true, description: "Replaces every attribute." })
  attributes?: ProductAttributeInput[] | null;

  @Field(() => [ProductOptionInput], {
    nullable: true,
    description: "Replaces the options; every variant must still match them.",
  })
  options?: ProductOptionInput[] | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;

  @Field(() => [ProductVariantInput], { nullable: true, description: "New variants to add." })
  addVariants?: ProductVariantInput[] | null;

  @Field(() => [ProductVariantChangeInput], { nullable: true, description: "Changes to existing variants." })
  updateVariants?: ProductVariantChangeInput[] | null;

  @Field(() => [ID], { nullable: true, description: "Variants to delete; at least one variant must remain." })
  removeVariantIds?: string[] | null;
}

@InputType()
export class ArchiveProductInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class SetStockInput {
  @Field(() => ID)
  variantId!: string;

  @Field(() => Int, { description: "Units available to sell from now on, 0 or more." })
  stock!: number;
}
