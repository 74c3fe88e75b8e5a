import { RatingSummary } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum SellerStatus {
  PENDING = "PENDING",
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  REJECTED = "REJECTED",
}
registerEnumType(SellerStatus, { name: "SellerStatus", description: "Lifecycle of a seller account." });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A store that sells on the marketplace." })
export class Seller {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  @Field(() => String)
  description!: string;

  @Field(() => SellerStatus)
  status!: SellerStatus;

  @Field(() => RatingSummary)
  rating!: RatingSummary;

  @Field(() => Date)
  joinedAt!: Date;

  /** Owner's user id; not exposed, used for ownership checks. */
  userId!: string;
}
