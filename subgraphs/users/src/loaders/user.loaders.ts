import type { Database } from "@bazaar/drizzle";
import { groupedLoader, keyedLoader, pagedLoader } from "@bazaar/subgraph-kit";
import { findAddressesByUserIds } from "../db/address.queries";
import { countNotifications, listNotificationPages, type NotificationPageFilter } from "../db/notification.queries";
import { findPrivateUsersByIds, findPublicUsersByIds } from "../db/user.queries";
import { countWishlists, listWishlistPages, type WishlistCursor } from "../db/wishlist.queries";

export function createUserLoaders(db: Database) {
  return {
    publicUserById: keyedLoader(
      (ids: readonly string[]) => findPublicUsersByIds(db, ids),
      (row) => row.id,
    ),
    /** Loaded only after an owner-or-admin check, by the private field resolvers. */
    privateUserById: keyedLoader(
      (ids: readonly string[]) => findPrivateUsersByIds(db, ids),
      (row) => row.id,
    ),
    addressesByUserId: groupedLoader(
      (ids: readonly string[]) => findAddressesByUserIds(db, ids),
      (row) => row.userId,
    ),
    wishlistPages: pagedLoader(
      (ids: string[], limit: number, after: WishlistCursor | null) => listWishlistPages(db, ids, limit, after),
      (row) => row.userId,
    ),
    wishlistCountByUserId: keyedLoader(
      (ids: readonly string[]) => countWishlists(db, ids),
      (row) => row.userId,
    ),
    /** The filter (unreadOnly and cursor) is part of the key: equal requests for many users share one statement. */
    notificationPages: pagedLoader(
      (ids: string[], limit: number, filter: NotificationPageFilter | null) =>
        listNotificationPages(db, ids, limit, filter),
      (row) => row.userId,
    ),
    notificationCountsByUserId: keyedLoader(
      (ids: readonly string[]) => countNotifications(db, ids),
      (row) => row.userId,
    ),
  };
}
export type UserLoaders = ReturnType<typeof createUserLoaders>;
