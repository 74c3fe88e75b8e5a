import {
  assertUserAccess,
  type Connection,
  isIdLike,
  notFound,
  pageSize,
  path,
  requireViewer,
  toConnection,
  type UserError,
  userError,
} from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import { lockUser } from "../db/user.queries";
import { addWishlistItem, countWishlistOfUser, removeWishlistItem, wishlistHas } from "../db/wishlist.queries";
import type { Product } from "../schema/product.stub";
import type { User } from "../schema/user.type";
import { decodeCreatedAtCursor } from "./created-at-cursor";
import { requireUser } from "./user.service";

/** Bounds what one account can store. */
export const MAX_WISHLIST_ITEMS = 500;

export interface WishlistResult {
  product: Product | null;
  user: User | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): WishlistResult => ({ product: null, user: null, userErrors });

async function succeeded(ctx: UsersContext, userId: string, productId: string): Promise<WishlistResult> {
  // Later fields of this request (the payload's `user { wishlist }`) must see the change.
  ctx.loaders.wishlistPages.clearAll();
  ctx.loaders.wishlistCountByUserId.clear(userId);
  return { product: { id: productId }, user: await requireUser(ctx, userId), userErrors: [] };
}

/** Idempotent; the product must exist and be on sale (asked of catalog when it is configured). */
export async function addToWishlist(ctx: UsersContext, productId: string): Promise<WishlistResult> {
  const { userId } = requireViewer(ctx);
  if (!(await ctx.products.isActiveProduct(productId))) {
    return failed(userError("PRODUCT_NOT_FOUND", "No such product is on sale", path("productId")));
  }
  const full = await ctx.db.transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) throw notFound("User");
    if (await wishlistHas(tx, userId, productId)) return false;
    if ((await countWishlistOfUser(tx, userId)) >= MAX_WISHLIST_ITEMS) return true;
    await addWishlistItem(tx, userId, productId);
    return false;
  });
  if (full)
    return failed(
      userError("WISHLIST_FULL", `A wishlist holds at most ${MAX_WISHLIST_ITEMS} products`, path("productId")),
    );
  return succeeded(ctx, userId, productId);
}

/** Idempotent: removing a product that is not there (or no longer exists) succeeds. */
export async function removeFromWishlist(ctx: UsersContext, productId: string): Promise<WishlistResult> {
  const { userId } = requireViewer(ctx);
  if (isIdLike(productId)) await removeWishlistItem(ctx.db, userId, productId);
  return succeeded(ctx, userId, productId);
}

/** Saved products, newest first, as `Product` stubs that catalog resolves. */
export async function userWishlist(
  ctx: UsersContext,
  userId: string,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<Product>> {
  assertUserAccess(ctx, userId);
  const first = pageSize(page);
  const after = page.after ? decodeCreatedAtCursor(page.after) : null;
  const rows = await ctx.loaders.wishlistPages.load({ parentId: userId, limit: first + 1, after });
  return toConnection(rows, {
    first,
    after: page.after,
    cursorOf: (row) => [row.createdAtKey, row.productId],
    toNode: (row) => ({ id: row.productId }),
    totalCount: async () => (await ctx.loaders.wishlistCountByUserId.load(userId))?.count ?? 0,
  });
}
