import { RatingSummary } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { PriceRange, ProductAttribute, ProductImage, ProductOption } from "./product-parts.type";
import { Seller } from "./seller.stub";

export enum ProductStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ProductStatus, {
  name: "ProductStatus",
  description: "Lifecycle of a product; only ACTIVE products are listed publicly.",
});

@Directive('@key(fields: "id")')
@ObjectType({ description: "Something a seller offers, sold as one or more variants." })
export class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ProductImage])
  images!: ProductImage[];

  @Field(() => String, { nullable: true })
  brand!: string | null;

  @Field(() => [ProductAttribute])
  attributes!: ProductAttribute[];

  @Field(() => [ProductOption], { description: "Dimensions the variants differ in." })
  options!: ProductOption[];

  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Field(() => PriceRange, { description: "Lowest and highest variant price." })
  priceRange!: PriceRange;

  @Field(() => RatingSummary)
  rating!: RatingSummary;

  @Field(() => Seller)
  seller!: Seller;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  /** Not exposed: the `category` field resolves it through a loader. */
  categoryId!: string;
}
