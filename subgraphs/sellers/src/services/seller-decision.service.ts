import { abortWith, type Errors, isIdLike, path, transactionOrUserErrors, userError } from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";
import { decideApplication, lockSeller } from "../db/seller-write.queries";
import { requireAdmin } from "./admin-access";
import { recordSellerEvent } from "./seller-events";
import { failed, type SellerResult } from "./seller-application.service";
import { validateReason } from "./seller-application.validation";
import { toSeller } from "./seller.service";

type Decision = { status: "ACTIVE" } | { status: "REJECTED"; reason: string };

const sellerNotFound = () => userError("SELLER_NOT_FOUND", "No such seller", path("sellerId"));

/**
 * Decides a PENDING application. The seller row is locked for the decision, so of two admins
 * deciding at once exactly one succeeds (and writes one event); the other sees the new status and
 * gets SELLER_NOT_PENDING.
 */
async function decide(ctx: SellersContext, sellerId: string, decision: Decision): Promise<SellerResult> {
  if (!isIdLike(sellerId)) return failed(sellerNotFound());
  const outcome = await transactionOrUserErrors(ctx.db, async (tx) => {
    const seller = await lockSeller(tx, sellerId);
    if (!seller) return abortWith(sellerNotFound());
    if (seller.status !== "PENDING") {
      abortWith(userError("SELLER_NOT_PENDING", `The seller is ${seller.status}, not PENDING`, path("sellerId")));
    }
    const row = await decideApplication(tx, sellerId, decision);
    if (!row) throw new Error(`Seller ${sellerId} vanished while locked`);
    await recordSellerEvent(tx, decision.status === "ACTIVE" ? "seller.approved" : "seller.rejected", row);
    return row;
  });
  if (!outcome.ok) return failed(...outcome.userErrors);
  ctx.loaders.sellerById.clear(sellerId).prime(sellerId, outcome.value);
  return { seller: toSeller(outcome.value), userErrors: [] };
}

/** PENDING → ACTIVE: the store opens (catalog lists its products once it hears seller.approved). */
export function approveSeller(ctx: SellersContext, input: { sellerId: string }): Promise<SellerResult> {
  requireAdmin(ctx);
  return decide(ctx, input.sellerId, { status: "ACTIVE" });
}

/** PENDING → REJECTED with the reason kept for the applicant, who may apply again. */
export async function rejectSeller(ctx: SellersContext, input: { sellerId: string; reason: string }): Promise<SellerResult> {
  requireAdmin(ctx);
  const errors: Errors = [];
  const reason = validateReason(errors, input.reason);
  if (errors.length > 0) return failed(...errors);
  return decide(ctx, input.sellerId, { status: "REJECTED", reason });
}
