import { isIdLike, path, type UserError, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { findSellerListingsByIds, upsertSellerListing } from "../db/seller-listing.queries";

/** sellers' SellerStatus names; only ACTIVE sellers list publicly. */
const SELLER_STATUSES = ["PENDING", "ACTIVE", "SUSPENDED", "REJECTED"];

export interface SyncSellerStatusResult {
  sellerId: string | null;
  listed: boolean | null;
  userErrors: UserError[];
}

/**
 * Mirrors a seller's status: from sellers' events (seller-events.consumer.ts) and from the internal
 * syncSellerStatus mutation. Idempotent, and a decision older than the one already recorded is
 * ignored, so late, repeated or reordered deliveries are safe. `ctx.db` may be a transaction.
 */
export async function syncSellerStatus(
  ctx: Pick<CatalogContext, "db">,
  input: { sellerId: string; status: string; occurredAt?: Date | null },
): Promise<SyncSellerStatusResult> {
  const errors: UserError[] = [];
  if (!isIdLike(input.sellerId)) errors.push(userError("INVALID_SELLER_ID", "sellerId is not a seller id", path("sellerId")));
  if (!SELLER_STATUSES.includes(input.status)) {
    errors.push(userError("INVALID_STATUS", `status must be one of ${SELLER_STATUSES.join(", ")}`, path("status")));
  }
  if (errors.length > 0) return { sellerId: null, listed: null, userErrors: errors };
  const decidedAt = input.occurredAt ?? new Date();
  const row =
    (await upsertSellerListing(ctx.db, { sellerId: input.sellerId, active: input.status === "ACTIVE", decidedAt })) ??
    (await findSellerListingsByIds(ctx.db, [input.sellerId]))[0];
  return { sellerId: input.sellerId, listed: row?.active ?? false, userErrors: [] };
}
