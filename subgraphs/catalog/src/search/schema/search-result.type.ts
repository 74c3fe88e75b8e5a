import { type Connection, connectionType } from "@bazaar/subgraph-kit";
import { Field, Int, ObjectType } from "type-graphql";
import { Product } from "../../schema/product.type";
import { SearchFacets } from "./search-facets.type";

/** Its own connection type: search pages are ordered by relevance, not by a listing sort. */
export const SearchProductConnection = connectionType(Product, "SearchProduct");

@ObjectType({ description: "Products matching a search, best match first, with facet counts." })
export class SearchResult {
  @Field(() => Int, { description: "How many products match the query and filter." })
  totalCount!: number | PromiseLike<number>;

  @Field(() => SearchFacets)
  facets!: SearchFacets | PromiseLike<SearchFacets>;

  @Field(() => SearchProductConnection)
  products!: Connection<Product>;
}
