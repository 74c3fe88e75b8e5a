import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";

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

export const findCartsByUserIds = (db: Database, userIds: readonly string[]) =>
  db
    .select()
    .from(carts)
    .where(inArray(carts.userId, [...userIds]));

/** A guest cart by the hash of its token; a cart that was merged into a customer's is gone. */
export const findGuestCart = async (db: Database, tokenHash: string): Promise<CartRow | undefined> =>
  (
    await db
      .select()
      .from(carts)
      .where(and(eq(carts.tokenHash, tokenHash), isNull(carts.userId)))
  )[0];

/** The customer's cart, created on first use; concurrent first uses converge on one row (unique user_id). */
export async function customerCart(db: Database, id: string, userId: string): Promise<CartRow> {
  await db.insert(carts).values({ id, userId }).onConflictDoNothing({ target: carts.userId });
  return (await db.select().from(carts).where(eq(carts.userId, userId)))[0] as CartRow;
}

export const insertGuestCart = async (db: Database, id: string, tokenHash: string): Promise<CartRow> =>
  (await db.insert(carts).values({ id, tokenHash }).returning())[0] as CartRow;

/** Serialises changes to one cart (line count, quantities) between concurrent requests. */
export const lockCart = async (db: Database, id: string): Promise<CartRow | undefined> =>
  (await db.select().from(carts).where(eq(carts.id, id)).for("update"))[0];

export const findLineInCart = async (db: Database, cartId: string, variantId: string) =>
  (
    await db
      .select()
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId)))
  )[0];

export const findLineById = async (db: Database, lineId: string): Promise<CartLineRow | undefined> =>
  (await db.select().from(cartLines).where(eq(cartLines.id, lineId)))[0];

export const countLinesOfCart = async (db: Database, cartId: string): Promise<number> =>
  (await db.select({ n: count() }).from(cartLines).where(eq(cartLines.cartId, cartId)))[0]?.n ?? 0;

export const insertCartLine = (db: Database, line: typeof cartLines.$inferInsert) => db.insert(cartLines).values(line);

export const setLineQuantity = (db: Database, lineId: string, quantity: number) =>
  db.update(cartLines).set({ quantity }).where(eq(cartLines.id, lineId));

export const deleteCartLine = async (db: Database, cartId: string, lineId: string): Promise<boolean> =>
  (
    await db
      .delete(cartLines)
      .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
      .returning({ id: cartLines.id })
  ).length > 0;

/** Lines a checkout bought leave the cart with the order that took them. */
export const deleteCartLinesOfVariants = (db: Database, cartId: string, variantIds: string[]) =>
  db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), inArray(cartLines.variantId, variantIds)));

export const touchCart = (db: Database, cartId: string, currency?: string) =>
  db
    .update(carts)
    .set({ updatedAt: sql`now()`, ...(currency ? { currency } : {}) })
    .where(eq(carts.id, cartId));

export const deleteCart = (db: Database, cartId: string) => db.delete(carts).where(eq(carts.id, cartId));
