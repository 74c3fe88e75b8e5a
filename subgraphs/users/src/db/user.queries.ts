import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { inArray } from "drizzle-orm";

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
