import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Directive, Info, Query, Resolver } from "type-graphql";
import type { CatalogContext } from "../../context";
import { SearchArgs, SearchSuggestionsArgs } from "../schema/search.args";
import { SearchResult } from "../schema/search-result.type";
import { SearchSuggestion } from "../schema/search-suggestion.type";
import { searchProducts } from "../services/search.service";
import { searchSuggestions } from "../services/search-suggestion.service";
import { selectsField } from "./selection";

@Resolver()
export class SearchResolver {
  @Directive('@tag(name: "partner")')
  @Query(() => SearchResult, {
    description:
      "Full-text product search with typo tolerance, filters and facet counts; only active products of active sellers.",
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: CatalogContext, @Info() info: GraphQLResolveInfo) {
    // Knowing up front that facets will be read lets the engine count them with the page.
    return searchProducts(ctx, { ...args, withFacets: selectsField(info, "facets") });
  }

  @Directive('@tag(name: "partner")')
  @Query(() => [SearchSuggestion], { description: "Autocomplete for a search box: categories, brands and products." })
  searchSuggestions(@Args(() => SearchSuggestionsArgs) args: SearchSuggestionsArgs, @Ctx() ctx: CatalogContext) {
    return searchSuggestions(ctx, args);
  }
}
