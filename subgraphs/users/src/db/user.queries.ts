import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { eq, inArray, sql } from "drizzle-orm";

const { users } = tables;

/**
 * Only the public profile columns: email, password hash and roles never leave the database
 * on this path, so no resolver can leak them by accident.
 */
export const publicUserColumns = { id: users.id, name: users.name };
export type PublicUserRow = { id: string; name: string };

export const findPublicUsersByIds = (db: Database, ids: readonly string[]): Promise<PublicUserRow[]> =>
  db
    .select(publicUserColumns)
    .from(users)
    .where(inArray(users.id, [...ids]));

/** What the owner (or an admin) may read; still never the password hash. */
const privateUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  roles: users.roles,
  sellerId: users.sellerId,
  createdAt: users.createdAt,
};
export type PrivateUserRow = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  sellerId: string | null;
  createdAt: Date;
};

export const findPrivateUsersByIds = (db: Database, ids: readonly string[]): Promise<PrivateUserRow[]> =>
  db
    .select(privateUserColumns)
    .from(users)
    .where(inArray(users.id, [...ids]));

/** The sign-in path: the only query that reads the password hash. */
export async function findCredentialsByEmail(db: Database, email: string) {
  const rows = await db
    .select({ ...privateUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return rows[0];
}

/** Inserts an account; undefined when the email is already taken (decided by the unique index, race-free). */
export async function insertAccount(
  db: Database,
  row: { id: string; name: string; email: string; passwordHash: string },
): Promise<PrivateUserRow | undefined> {
  const rows = await db
    .insert(users)
    .values(row)
    .onConflictDoNothing({ target: users.email })
    .returning(privateUserColumns);
  return rows[0];
}

export async function updateUserName(db: Database, id: string, name: string): Promise<PublicUserRow | undefined> {
  const rows = await db
    .update(users)
    .set({ name, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning(publicUserColumns);
  return rows[0];
}

/** Serialises a user's writes to their addresses and wishlist (limits, the single default address). */
export async function lockUser(db: Database, id: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, id)).for("update");
  return rows.length > 0;
}

/**
 * Makes the account the owner of an approved store: its seller id, and the SELLER role added once.
 * Idempotent; false when there is no such account.
 */
export async function grantSellerAccount(db: Database, userId: string, sellerId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      sellerId,
      roles: sql`case when 'SELLER' = any(${users.roles}) then ${users.roles} else array_append(${users.roles}, 'SELLER') end`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length > 0;
}
