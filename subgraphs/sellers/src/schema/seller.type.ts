import { RatingSummary } from "@bazaar/subgraph-kit";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum SellerStatus {
  PENDING = "PENDING",
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  REJECTED = "REJECTED",
}
registerEnumType(SellerStatus, { name: "SellerStatus", description: "Lifecycle of a seller account." });

@Directive('@tag(name: "partner")')
@Directive('@key(fields: "id")')
@ObjectType({ description: "A store that sells on the marketplace." })
export class Seller {
  @Directive('@tag(name: "partner")')
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  name!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String, { description: "URL-safe unique handle." })
  slug!: string;

  @Directive('@tag(name: "partner")')
  @Field(() => String)
  description!: string;

  @Field(() => SellerStatus, {
    description: "Public lookups show only ACTIVE stores; the owner (User.seller) and admins see every status.",
  })
  status!: SellerStatus;

  @Directive('@tag(name: "partner")')
  @Field(() => RatingSummary)
  rating!: RatingSummary;

  @Directive('@tag(name: "partner")')
  @Field(() => Date)
  joinedAt!: Date;

  /** Owner's user id; not exposed, used for ownership checks. */
  userId!: string;

  /** Exposed through a guarded field resolver (owner or admin). */
  rejectionReason!: string | null;
}
