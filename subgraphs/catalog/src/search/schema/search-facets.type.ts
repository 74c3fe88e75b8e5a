import { Field, Int, ObjectType } from "type-graphql";
import { Category } from "../../schema/category.type";
import { Seller } from "../../schema/seller.stub";

@ObjectType({ description: "Results in a category or anywhere below it; filter with `categoryId`." })
export class SearchCategoryFacet {
  @Field(() => Category)
  category!: Category | PromiseLike<Category>;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Results of one brand; filter with `brand: [brand]`." })
export class SearchBrandFacet {
  @Field(() => String)
  brand!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    "Results whose lowest variant price lies in a fixed bucket; pass priceMin and priceMax as the filter's bounds.",
})
export class SearchPriceFacet {
  @Field(() => Int, { description: "Inclusive lower bound, minor units." })
  priceMin!: number;

  @Field(() => Int, { nullable: true, description: "Inclusive upper bound, minor units; null for the top bucket." })
  priceMax!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Results rated at least this many stars on average; filter with `minRating`." })
export class SearchRatingFacet {
  @Field(() => Int)
  minRating!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Results of one seller; filter with `sellerId`." })
export class SearchSellerFacet {
  @Field(() => Seller)
  seller!: Seller;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Results having one attribute pair; filter with `attributes: [{ key, value }]`." })
export class SearchAttributeFacet {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    "Counts over the whole result set, every filter applied (including the facet's own), most frequent values first.",
})
export class SearchFacets {
  @Field(() => [SearchCategoryFacet])
  categories!: SearchCategoryFacet[];

  @Field(() => [SearchBrandFacet])
  brands!: SearchBrandFacet[];

  @Field(() => [SearchPriceFacet], { description: "In price order; empty buckets left out." })
  prices!: SearchPriceFacet[];

  @Field(() => [SearchRatingFacet], { description: "4 stars and up, 3 and up, 2 and up, 1 and up." })
  ratings!: SearchRatingFacet[];

  @Field(() => [SearchSellerFacet])
  sellers!: SearchSellerFacet[];

  @Field(() => [SearchAttributeFacet], { description: "Grouped by key, most frequent values first within a key." })
  attributes!: SearchAttributeFacet[];
}
