import { Authenticated, RequiresRole } from "@bazaar/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { SellersContext } from "../context";
import { ApplyAsSellerInput, ApproveSellerInput, RejectSellerInput } from "../schema/seller-application.input";
import { ApplyAsSellerPayload, ApproveSellerPayload, RejectSellerPayload } from "../schema/seller-application.payload";
import { applyAsSeller } from "../services/seller-application.service";
import { approveSeller, rejectSeller } from "../services/seller-decision.service";

/** Opening a store: a user applies, an admin approves or rejects. */
@Resolver()
export class SellerApplicationResolver {
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
