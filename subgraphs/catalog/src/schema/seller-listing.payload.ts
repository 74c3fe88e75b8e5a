import { UserError } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive("@inaccessible")
@ObjectType()
export class SyncSellerStatusPayload {
  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the seller's active products are listed publicly now." })
  listed?: boolean | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
