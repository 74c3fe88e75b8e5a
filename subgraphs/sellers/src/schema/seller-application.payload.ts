import { UserError } from "@bazaar/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { Seller } from "./seller.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class SellerPayload {
  @Field(() => Seller, { nullable: true, description: "The seller as saved; null when userErrors is not empty." })
  seller?: Seller | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ApplyAsSellerPayload extends SellerPayload {}

@ObjectType()
export class ApproveSellerPayload extends SellerPayload {}

@ObjectType()
export class RejectSellerPayload extends SellerPayload {}
