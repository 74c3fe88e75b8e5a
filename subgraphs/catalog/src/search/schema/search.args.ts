import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@bazaar/subgraph-kit";
import { ArgsType, Field, Int } from "type-graphql";
import { MAX_QUERY_LENGTH } from "../search-terms";
import { SearchFilter } from "./search-filter.input";

/** Declared in full (not extending PageArgs) to keep the published order: query, filter, first, after. */
@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `Words to look for (up to ${MAX_QUERY_LENGTH} characters); typos are forgiven in words of five letters or more. Empty: every product.`,
  })
  query!: string;

  @Field(() => SearchFilter, { nullable: true })
  filter?: SearchFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge of the previous page of the same search.",
  })
  after?: string | null;
}

export const MAX_SUGGESTIONS = 20;

@ArgsType()
export class SearchSuggestionsArgs {
  @Field(() => String, { description: "What the user has typed so far; the last word may be unfinished." })
  prefix!: string;

  @Field(() => Int, { nullable: true, defaultValue: 8, description: `How many suggestions, 1 to ${MAX_SUGGESTIONS}.` })
  first?: number | null;
}
