import { badUserInput, type Connection, decodeCursor, isIdLike, pageSize } from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";
import {
  type ApplicationCursor,
  type ApplicationRow,
  countSellersInStatus,
  listSellersInStatus,
} from "../db/seller-application.queries";
import { type Seller, SellerStatus } from "../schema/seller.type";
import { requireAdmin } from "./admin-access";
import { toSellerConnection } from "./seller.service";

export interface ApplicationsPage {
  status?: SellerStatus | null;
  first?: number | null;
  after?: string | null;
}

/** Epoch seconds as Postgres prints a timestamp's `extract(epoch ...)`: at most microseconds. */
const EPOCH_SECONDS = /^-?\d{1,12}(\.\d{1,6})?$/;

/** A forged cursor is the client's mistake, refused here rather than by a failing cast in SQL. */
function decodeApplicationCursor(after: string): ApplicationCursor {
  const [submittedAt, id] = decodeCursor(after, 2);
  if (typeof submittedAt !== "string" || !EPOCH_SECONDS.test(submittedAt) || typeof id !== "string" || !isIdLike(id)) {
    throw badUserInput("Malformed cursor", "after");
  }
  return { submittedAt, id };
}

/**
 * Admins' queue of seller applications: sellers in one status (PENDING unless told), oldest
 * joinedAt first. For an application that is when it was last submitted, so the one waiting longest
 * comes first and a rejected applicant who applies again queues anew. One statement a page, one
 * more when totalCount is read.
 */
export async function listSellerApplications(ctx: SellersContext, page: ApplicationsPage): Promise<Connection<Seller>> {
  requireAdmin(ctx);
  const first = pageSize(page);
  const after = page.after ? decodeApplicationCursor(page.after) : null;
  const status = page.status ?? SellerStatus.PENDING;
  const rows = await listSellersInStatus(ctx.db, status, first + 1, after);
  const cursorOf = (row: ApplicationRow) => [row.submittedAt, row.id];
  return toSellerConnection(ctx, rows, { first, after: page.after }, cursorOf, () => countSellersInStatus(ctx.db, status));
}
