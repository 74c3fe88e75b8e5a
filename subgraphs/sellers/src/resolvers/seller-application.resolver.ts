import { Authenticated, RequiresRole } from "@bazaar/subgraph-kit";
import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { SellersContext } from "../context";
import { SellerApplicationsArgs } from "../schema/seller.args";
import { ApplyAsSellerInput, ApproveSellerInput, RejectSellerInput } from "../schema/seller-application.input";
import { ApplyAsSellerPayload, ApproveSellerPayload, RejectSellerPayload } from "../schema/seller-application.payload";
import { SellerConnection } from "../schema/seller-connection.type";
import { applyAsSeller } from "../services/seller-application.service";
import { listSellerApplications } from "../services/seller-application-list.service";
import { approveSeller, rejectSeller } from "../services/seller-decision.service";

/** Opening a store: a user applies, an admin approves or rejects. */
@Resolver()
export class SellerApplicationResolver {
  @RequiresRole("ADMIN")
  @Query(() => SellerConnection, {
    nullable: true,
    description:
      "Admins: sellers in one status (by default PENDING: the applications waiting for a decision), oldest first by joinedAt, which for an application is when it was last submitted.",
  })
  sellerApplications(@Args(() => SellerApplicationsArgs) args: SellerApplicationsArgs, @Ctx() ctx: SellersContext) {
    return listSellerApplications(ctx, args);
  }

  @Authenticated()
  @Mutation(() => ApplyAsSellerPayload, {
    description: "Applies for a store owned by the viewer; it is PENDING until an admin decides. A rejected applicant may apply again.",
  })
  applyAsSeller(@Arg("input", () => ApplyAsSellerInput) input: ApplyAsSellerInput, @Ctx() ctx: SellersContext) {
    return applyAsSeller(ctx, input);
  }

  @RequiresRole("ADMIN")
  @Mutation(() => ApproveSellerPayload, { description: "Admins: opens a PENDING store (ACTIVE)." })
  approveSeller(@Arg("input", () => ApproveSellerInput) input: ApproveSellerInput, @Ctx() ctx: SellersContext) {
    return approveSeller(ctx, input);
  }

  @RequiresRole("ADMIN")
  @Mutation(() => RejectSellerPayload, { description: "Admins: turns a PENDING application down (REJECTED) with a reason." })
  rejectSeller(@Arg("input", () => RejectSellerInput) input: RejectSellerInput, @Ctx() ctx: SellersContext) {
    return rejectSeller(ctx, input);
  }
}
