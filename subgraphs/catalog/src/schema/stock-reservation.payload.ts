import { UserError } from "@bazaar/subgraph-kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { StockReservation } from "./stock-reservation.type";

@ObjectType() // a base: never reachable itself, so never emitted
abstract class ReservationPayload {
  @Field(() => StockReservation, { nullable: true })
  reservation?: StockReservation | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@Directive("@inaccessible")
@ObjectType()
export class ReserveStockPayload extends ReservationPayload {}

@Directive("@inaccessible")
@ObjectType()
export class CommitReservationPayload extends ReservationPayload {}

@Directive("@inaccessible")
@ObjectType()
export class ReleaseReservationPayload extends ReservationPayload {}
