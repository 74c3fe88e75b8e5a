import { Arg, Ctx, Directive, Mutation, Resolver } from "type-graphql";
import type { CatalogContext } from "../context";
import { CommitReservationInput, ReleaseReservationInput, ReserveStockInput } from "../schema/stock-reservation.input";
import {
  CommitReservationPayload,
  ReleaseReservationPayload,
  ReserveStockPayload,
} from "../schema/stock-reservation.payload";
import { commitReservation, releaseReservation } from "../services/reservation-settlement.service";
import { reserveStock } from "../services/stock-reservation.service";

/**
 * The internal stock API checkout (orders) calls on catalog directly. `@inaccessible`: the router's
 * public schema does not have these fields, so no client can reach them through it; in production
 * the subgraph additionally refuses every caller without the shared service credential
 * (SERVICE_TOKEN). They carry no end-user authorization of their own.
 */
@Resolver()
export class StockReservationResolver {
  @Directive("@inaccessible")
  @Mutation(() => ReserveStockPayload, {
    description: "Internal (orders → catalog, service credential): holds stock for an order at catalog's prices, all lines or none.",
  })
  reserveStock(@Arg("input", () => ReserveStockInput) input: ReserveStockInput, @Ctx() ctx: CatalogContext) {
    return reserveStock(ctx, input);
  }

  @Directive("@inaccessible")
  @Mutation(() => CommitReservationPayload, { description: "Marks the reserved stock sold (the order is paid)." })
  commitReservation(@Arg("input", () => CommitReservationInput) input: CommitReservationInput, @Ctx() ctx: CatalogContext) {
    return commitReservation(ctx, input);
  }

  @Directive("@inaccessible")
  @Mutation(() => ReleaseReservationPayload, { description: "Puts the stock back on sale (failed, expired or cancelled order)." })
  releaseReservation(@Arg("input", () => ReleaseReservationInput) input: ReleaseReservationInput, @Ctx() ctx: CatalogContext) {
    return releaseReservation(ctx, input);
  }
}
