import { PageArgs } from "@bazaar/subgraph-kit";
import { ArgsType, Field, ID } from "type-graphql";
import { ProductFilter, ProductSort } from "./product-filter.input";

@ArgsType()
export class ProductLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => ProductFilter, { nullable: true })
  filter?: ProductFilter | null;

  @Field(() => ProductSort, { nullable: true, defaultValue: ProductSort.NEWEST })
  sort?: ProductSort | null;
}
