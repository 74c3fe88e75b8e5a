import { type Database, tables } from "@bazaar/drizzle";

type SellerInsert = typeof tables.sellers.$inferInsert;

let counter = 0;

/** Inserts a seller with sensible defaults; override whatever a test is about. */
export async function insertSeller(db: Database, overrides: Partial<SellerInsert> = {}) {
  counter += 1;
  const row: SellerInsert = {
    id: `sel_test${String(counter).padStart(4, "0")}`,
    userId: `usr_test${String(counter).padStart(4, "0")}`,
    name: `Store ${counter}`,
    slug: `store-${counter}`,
    status: "ACTIVE",
    ratingAverage: 4.5,
    ratingCount: 10,
    ...overrides,
  };
  await db.insert(tables.sellers).values(row);
  return row;
}
