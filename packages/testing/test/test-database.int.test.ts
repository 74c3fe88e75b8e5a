import { tables } from "@bazaar/drizzle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStatementCounter, createTestDatabase, type TestDatabase } from "../src/index";

const counter = createStatementCounter();
let first: TestDatabase;
let second: TestDatabase;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase({ onQuery: counter.onQuery }), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

const category = { id: "cat_1", name: "Books", slug: "books" };

describe("createTestDatabase", () => {
  it("copies the migrated template", async () => {
    expect(await productCount(first)).toBe(0);
    expect(await productCount(second)).toBe(0);
  });

  it("isolates databases from each other", async () => {
    await first.db.insert(tables.categories).values(category);
    expect(await first.db.select().from(tables.categories)).toEqual([{ ...category, parentId: null, position: 0 }]);
    expect(await second.db.select().from(tables.categories)).toEqual([]);
    expect(first.url).not.toBe(second.url);
  });

  it("counts the statements drizzle sends", async () => {
    counter.reset();
    await first.db.select({ id: tables.products.id }).from(tables.products);
    await first.db.select().from(tables.categories);
    expect(counter.count).toBe(2);
    expect(counter.statements[0]).toMatch(/from "catalog"\."products"/);
    // The uncounted database must not feed the counter.
    await second.db.select().from(tables.categories);
    expect(counter.count).toBe(2);
  });
});

/** Raw SQL through the connection, proving the schema exists independently of drizzle. */
async function productCount(testDb: TestDatabase): Promise<number> {
  if (testDb.connection.kind !== "postgres") throw new Error("expected a postgres connection");
  const [row] = await testDb.connection.client`select count(*)::int as n from catalog.products`;
  return row?.n as number;
}
