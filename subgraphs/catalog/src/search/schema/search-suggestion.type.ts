import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Category } from "../../schema/category.type";
import { Product } from "../../schema/product.type";

export enum SearchSuggestionKind {
  CATEGORY = "CATEGORY",
  BRAND = "BRAND",
  PRODUCT = "PRODUCT",
}
registerEnumType(SearchSuggestionKind, {
  name: "SearchSuggestionKind",
  description: "What a suggestion names.",
});

@ObjectType({ description: "An autocomplete suggestion for what the user is typing." })
export class SearchSuggestion {
  @Field(() => SearchSuggestionKind)
  kind!: SearchSuggestionKind;

  @Field(() => String, { description: "The category name, brand or product title to show." })
  text!: string;

  @Field(() => Product, { nullable: true, description: "The suggested product (PRODUCT suggestions)." })
  product!: Product | null | PromiseLike<Product | null>;

  @Field(() => Category, { nullable: true, description: "The suggested category (CATEGORY suggestions)." })
  category!: Category | null | PromiseLike<Category | null>;
}
