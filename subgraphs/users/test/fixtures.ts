import { type Database, tables } from "@bazaar/drizzle";
import { newId } from "@bazaar/subgraph-kit";

type UserInsert = typeof tables.users.$inferInsert;

let counter = 0;

/** Inserts a user with sensible defaults (including private columns); override what a test is about. */
export async function insertUser(db: Database, overrides: Partial<UserInsert> = {}) {
  counter += 1;
  const row: UserInsert = {
    id: newId("usr"),
    email: `user${counter}@example.test`,
    name: `User ${counter}`,
    passwordHash: "not-a-real-hash",
    ...overrides,
  };
  await db.insert(tables.users).values(row);
  return row;
}
