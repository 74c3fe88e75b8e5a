import type { Database } from "@bazaar/drizzle";
import { replaceCoPurchases } from "../db/co-purchase.queries";

export interface CoPurchaseModelSummary {
  /** Ordered product pairs in the model (each unordered pair is stored in both directions). */
  pairs: number;
}

/**
 * Recomputes the co-purchase model from every PURCHASE interaction. Idempotent: the model is a
 * pure function of the interactions, replaced atomically, so a rebuild can run at any time
 * (after the seed today; on a schedule or after purchase events later).
 */
export async function rebuildCoPurchaseModel(db: Database): Promise<CoPurchaseModelSummary> {
  return { pairs: await replaceCoPurchases(db) };
}
