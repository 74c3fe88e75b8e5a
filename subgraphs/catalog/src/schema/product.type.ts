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

@Directive('@tag(name: "partner")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "Something a seller offers, sold as one or more variants." })
export class Product {
  @Directive('@tag(name: "partner")')
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  description!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => [ProductImage])
  images!: ProductImage[];

  @Directive('@tag(name: "partner")')
  @Field(() => String, { nullable: true })
  brand!: string | null;

  @Directive('@tag(name: "partner")')
  @Field(() => [ProductAttribute])
  attributes!: ProductAttribute[];

  @Directive('@tag(name: "partner")')
  @Field(() => [ProductOption], { description: "Dimensions the variants differ in." })
  options!: ProductOption[];

  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Directive('@tag(name: "partner")')
  @Field(() => PriceRange, { description: "Lowest and highest variant price." })
  priceRange!: PriceRange;

  @Directive('@tag(name: "partner")')
  @Field(() => RatingSummary)
  rating!: RatingSummary;

  @Directive('@tag(name: "partner")')
  @Field(() => Seller)
  seller!: Seller;

  @Directive('@tag(name: "partner")')
  @Field(() => Date)
  createdAt!: Date;

  @Directive('@tag(name: "partner")')
  @Field(() => Date)
  updatedAt!: Date;

  /** Not exposed: the `category` field resolves it through a loader. */
  categoryId!: string;
}
