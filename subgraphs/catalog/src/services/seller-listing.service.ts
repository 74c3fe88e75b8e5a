import { isIdLike, path, type UserError, userError } from "@bazaar/subgraph-kit";
import type { CatalogContext } from "../context";
import { findSellerListingsByIds, upsertSellerListing } from "../db/seller-listing.queries";
import { recordSellerListingChanged } from "./catalog-events";

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
 * ignored, so late, repeated or reordered deliveries are safe. A recorded decision announces
 * seller-listing.changed in the same transaction. `ctx.db` may be a transaction (the consumer's).
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
  const row = await ctx.db.transaction(async (tx) => {
    const recorded = await upsertSellerListing(tx, { sellerId: input.sellerId, active: input.status === "ACTIVE", decidedAt });
    // Search follows through the outbox, so it hears of the listing only once this has committed.
    if (recorded) await recordSellerListingChanged(tx, recorded);
    return recorded ?? (await findSellerListingsByIds(tx, [input.sellerId]))[0];
  });
  return { sellerId: input.sellerId, listed: row?.active ?? false, userErrors: [] };
}
