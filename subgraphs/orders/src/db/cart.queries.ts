import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { asc, inArray } from "drizzle-orm";

const { carts, cartLines } = tables;

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;

export const findCartsByIds = (db: Database, ids: readonly string[]) =>
  db
    .select()
    .from(carts)
    .where(inArray(carts.id, [...ids]));

/** Lines of many carts in one statement, oldest first (ties by id) so a cart reads in the order it was filled. */
export const findCartLinesByCartIds = (db: Database, cartIds: readonly string[]) =>
  db
    .select()
    .from(cartLines)
    .where(inArray(cartLines.cartId, [...cartIds]))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
