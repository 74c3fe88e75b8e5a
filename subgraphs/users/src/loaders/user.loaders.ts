import type { Database } from "@bazaar/drizzle";
import { keyedLoader } from "@bazaar/subgraph-kit";
import { findPublicUsersByIds } from "../db/user.queries";

export function createUserLoaders(db: Database) {
  return {
    publicUserById: keyedLoader(
      (ids: readonly string[]) => findPublicUsersByIds(db, ids),
      (row) => row.id,
    ),
  };
}
export type UserLoaders = ReturnType<typeof createUserLoaders>;
