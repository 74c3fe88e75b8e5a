import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, asc, count, desc, eq, inArray, ne } from "drizzle-orm";

const { addresses } = tables;
export type AddressRow = typeof addresses.$inferSelect;
export type NewAddressRow = typeof addresses.$inferInsert;

/** Every address of many users in one statement: default first, then oldest first. */
export const findAddressesByUserIds = (db: Database, userIds: readonly string[]) =>
  db
    .select()
    .from(addresses)
    .where(inArray(addresses.userId, [...userIds]))
    .orderBy(asc(addresses.userId), desc(addresses.isDefault), asc(addresses.createdAt), asc(addresses.id));

const owned = (userId: string, id: string) => and(eq(addresses.userId, userId), eq(addresses.id, id));

export const findOwnedAddress = async (db: Database, userId: string, id: string) =>
  (await db.select().from(addresses).where(owned(userId, id)))[0];

export const countAddressesOfUser = async (db: Database, userId: string) =>
  (await db.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId)))[0]?.n ?? 0;

export const insertAddress = async (db: Database, row: NewAddressRow) =>
  (await db.insert(addresses).values(row).returning())[0] as AddressRow;

export const updateOwnedAddress = async (db: Database, userId: string, id: string, changes: Partial<NewAddressRow>) =>
  (await db.update(addresses).set(changes).where(owned(userId, id)).returning())[0];

export const deleteOwnedAddress = async (db: Database, userId: string, id: string) =>
  (await db.delete(addresses).where(owned(userId, id)).returning())[0];

/** Clears the user's default except `keepId`; run before setting a new default (one default per user). */
export const clearDefaultAddress = (db: Database, userId: string, keepId?: string) =>
  db
    .update(addresses)
    .set({ isDefault: false })
    .where(
      and(eq(addresses.userId, userId), eq(addresses.isDefault, true), keepId ? ne(addresses.id, keepId) : undefined),
    );

export const markDefaultAddress = async (db: Database, userId: string, id: string) =>
  (await db.update(addresses).set({ isDefault: true }).where(owned(userId, id)).returning())[0];

/** The address that becomes the default when the default one is removed: the oldest remaining. */
export const findOldestAddress = async (db: Database, userId: string) =>
  (
    await db
      .select({ id: addresses.id })
      .from(addresses)
      .where(eq(addresses.userId, userId))
      .orderBy(asc(addresses.createdAt), asc(addresses.id))
      .limit(1)
  )[0];
