import { canAccessUserData } from "@bazaar/auth";
import {
  badUserInput,
  type Connection,
  type CursorValue,
  decodeCursor,
  pageSize,
  ratingSummary,
  toConnection,
} from "@bazaar/subgraph-kit";
import type { SellersContext } from "../context";
import { countActiveSellers, findSellerBySlug, listActiveSellers, type SellerRow } from "../db/seller.queries";
import type { Seller, SellerStatus } from "../schema/seller.type";

export function toSeller(row: SellerRow): Seller {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    slug: row.slug,
    description: row.description,
    status: row.status as SellerStatus,
    rating: ratingSummary(row.ratingAverage, row.ratingCount),
    joinedAt: row.joinedAt,
    rejectionReason: row.rejectionReason,
  };
}

/** Public lookups only ever show active stores. */
const publicOnly = (row: SellerRow | null | undefined) => (row && row.status === "ACTIVE" ? toSeller(row) : null);

export async function findSeller(ctx: SellersContext, by: { id?: string | null; slug?: string | null }): Promise<Seller | null> {
  if (Boolean(by.id) === Boolean(by.slug)) throw badUserInput("Pass exactly one of id or slug");
  if (by.id) return publicOnly(await ctx.loaders.sellerById.load(by.id));
  return publicOnly(await findSellerBySlug(ctx.db, by.slug as string));
}

export async function listSellers(ctx: SellersContext, page: { first?: number | null; after?: string | null }): Promise<Connection<Seller>> {
  const first = pageSize(page);
  const after = page.after ? decodeCursor(page.after, 2) : undefined;
  const rows = await listActiveSellers(ctx.db, first + 1, after ? { name: String(after[0]), id: String(after[1]) } : undefined);
  return toSellerConnection(ctx, rows, { first, after: page.after }, (row) => [row.name, row.id], () => countActiveSellers(ctx.db));
}

/**
 * A page of sellers (fetched with `first + 1` rows) as a connection. The rows also answer later
 * lookups of the same sellers in this request, e.g. `_entities`, without another statement.
 */
export function toSellerConnection<Row extends SellerRow>(
  ctx: SellersContext,
  rows: Row[],
  page: { first: number; after?: string | null },
  cursorOf: (row: Row) => CursorValue[],
  totalCount: () => Promise<number>,
): Connection<Seller> {
  for (const row of rows) ctx.loaders.sellerById.prime(row.id, row);
  return toConnection(rows, { ...page, cursorOf, toNode: toSeller, totalCount });
}

/** Entity lookups resolve any seller the graph references, whatever its status. */
export async function sellerReference(ctx: SellersContext, id: string): Promise<Seller | null> {
  const row = await ctx.loaders.sellerById.load(id);
  return row ? toSeller(row) : null;
}

/**
 * The user's store: ACTIVE for everyone; in any other status (an application waiting, rejected,
 * suspended) only for that user and admins. Others get null, as if there were none.
 */
export async function sellerOfUser(ctx: SellersContext, userId: string): Promise<Seller | null> {
  const row = await ctx.loaders.sellerByUserId.load(userId);
  if (row && canAccessUserData(ctx.viewer, userId)) return toSeller(row);
  return publicOnly(row);
}
