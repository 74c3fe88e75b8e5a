import { PageArgs } from "@bazaar/subgraph-kit";
import { ArgsType, Field, ID } from "type-graphql";
import { SellerStatus } from "./seller.type";

@ArgsType()
export class SellerLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@ArgsType()
export class SellersArgs extends PageArgs {}

@ArgsType()
export class SellerApplicationsArgs extends PageArgs {
  @Field(() => SellerStatus, {
    nullable: true,
    defaultValue: SellerStatus.PENDING,
    description: "Sellers in this status; PENDING, the applications waiting for a decision, by default.",
  })
  status?: SellerStatus | null;
}
