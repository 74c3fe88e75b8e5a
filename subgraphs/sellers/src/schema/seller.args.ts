import { PageArgs } from "@bazaar/subgraph-kit";
import { ArgsType, Field, ID } from "type-graphql";

@ArgsType()
export class SellerLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@ArgsType()
export class SellersArgs extends PageArgs {}
