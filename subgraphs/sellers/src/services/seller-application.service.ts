import type { Transaction } from "@bazaar/drizzle";
import {
  abortWith,
  type Errors,
  isUniqueViolation,
  newId,
  path,
  requireViewer,
  transactionOrUserErrors,
  userError,
} from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";
import { findSellersByUserIds, type SellerRow } from "../db/seller.queries";
import {
  insertApplication,
  lockSellerOfUser,
  reopenApplication,
  SELLER_SLUG_KEY,
  SELLER_USER_KEY,
  takenSlugs,
} from "../db/seller-write.queries";
import type { Seller } from "../schema/seller.type";
import { recordSellerEvent } from "./seller-events";
import { type ApplicationFields, type ApplicationInput, slugFromName, suffixedSlug, validateApplication } from "./seller-application.validation";
import { toSeller } from "./seller.service";

export interface SellerResult {
  seller: Seller | null;
  userErrors: Errors;
}

export const failed = (...userErrors: Errors): SellerResult => ({ seller: null, userErrors });

const alreadyApplied = () =>
  userError("ALREADY_APPLIED", "You already have a store or an application waiting for a decision");
const slugTaken = (slug: string) => userError("SLUG_TAKEN", `The slug ${slug} is used by another store`, path("slug"));

/** A race on a derived slug (someone took it between the check and the write) is retried this often. */
const DERIVED_SLUG_ATTEMPTS = 3;

/**
 * Any signed-in user without a store applies: the store is created PENDING, owned by the viewer, and
 * seller.application_submitted is written in the same transaction. A user may hold one seller; while
 * it is PENDING, ACTIVE or SUSPENDED another application gets ALREADY_APPLIED. A REJECTED applicant
 * may apply again: the same seller (same id) goes back to PENDING with the new details and the old
 * reason cleared (the seller.rejected event keeps it).
 */
export async function applyAsSeller(ctx: SellersContext, input: ApplicationInput): Promise<SellerResult> {
  const viewer = requireViewer(ctx);
  const errors: Errors = [];
  const fields = validateApplication(errors, input);
  if (errors.length > 0) return failed(...errors);

  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = await transactionOrUserErrors(ctx.db, (tx) => submit(tx, viewer.userId, fields));
      if (!outcome.ok) return failed(...outcome.userErrors);
      ctx.loaders.sellerByUserId.clear(viewer.userId).prime(viewer.userId, outcome.value);
      return { seller: toSeller(outcome.value), userErrors: [] };
    } catch (error) {
      // The unique indexes are the last line against races the checks in `submit` cannot see.
      if (isUniqueViolation(error, SELLER_USER_KEY)) return failed(alreadyApplied());
      if (!isUniqueViolation(error, SELLER_SLUG_KEY)) throw error;
      // Two applications of one user with the same slug: the index that trips may be the slug's.
      const [mine] = await findSellersByUserIds(ctx.db, [viewer.userId]);
      if (mine && mine.status !== "REJECTED") return failed(alreadyApplied());
      if (fields.slug !== null) return failed(slugTaken(fields.slug));
      if (attempt >= DERIVED_SLUG_ATTEMPTS) return failed(slugTaken(slugFromName(fields.name)));
    }
  }
}

async function submit(tx: Transaction, userId: string, fields: ApplicationFields): Promise<SellerRow> {
  const existing = await lockSellerOfUser(tx, userId);
  if (existing && existing.status !== "REJECTED") abortWith(alreadyApplied());
  const slug = await freeSlug(tx, fields, existing?.id);
  const values = { name: fields.name, slug, description: fields.description };
  const row = existing
    ? await reopenApplication(tx, existing.id, values)
    : await insertApplication(tx, { id: newId("sel"), userId, ...values, status: "PENDING" });
  // No row: the same user's concurrent application committed first.
  if (!row) return abortWith(alreadyApplied());
  await recordSellerEvent(tx, "seller.application_submitted", row);
  return row;
}

/** A chosen slug must be free; a derived one gets a random suffix when the plain one is taken. */
async function freeSlug(tx: Transaction, fields: ApplicationFields, sellerId: string | undefined): Promise<string> {
  if (fields.slug !== null) {
    if ((await takenSlugs(tx, [fields.slug], sellerId)).size > 0) abortWith(slugTaken(fields.slug));
    return fields.slug;
  }
  const base = slugFromName(fields.name);
  const candidates = [base, suffixedSlug(base), suffixedSlug(base)];
  const taken = await takenSlugs(tx, candidates, sellerId);
  const free = candidates.find((slug) => !taken.has(slug));
  return free ?? abortWith(slugTaken(base));
}
