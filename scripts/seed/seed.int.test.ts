import { type Database, tables } from "@bazaar/drizzle";
import { createTestDatabase, type TestDatabase } from "@bazaar/testing";
import { asc, count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@bazaar/users";
import { DEMO_ACCOUNTS, isSeeded, type SeedSummary, seedDemoData } from "./index";
import { seedId } from "./seed-ids";
import { one, rows } from "./sql-checks.fixture";

let first: TestDatabase;
let second: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  expect(await isSeeded(first.db)).toBe(false);
  summary = await seedDemoData(first.db, { scale: 1 });
});

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

describe("seedDemoData at scale 1", () => {
  it("writes the documented amounts of data and reports what it wrote", async () => {
    expect(summary.counts).toMatchObject({
      users: 504,
      sellers: 24,
      categories: 48,
      products: 2000,
      reviews: 5000,
      orders: 5000,
    });
    const tableOf = {
      users: tables.users,
      addresses: tables.addresses,
      sellers: tables.sellers,
      categories: tables.categories,
      products: tables.products,
      variants: tables.productVariants,
      reviews: tables.reviews,
      orders: tables.orders,
      orderLines: tables.orderLines,
      fulfillments: tables.fulfillments,
      interactions: tables.interactions,
      coPurchases: tables.coPurchases,
    } as const;
    for (const [key, table] of Object.entries(tableOf)) {
      const [row] = await first.db.select({ n: count() }).from(table);
      expect(row?.n, key).toBe(summary.counts[key as keyof typeof tableOf]);
    }
    expect(summary.counts.orderLines).toBeGreaterThan(summary.counts.orders);
    expect(summary.counts.coPurchases).toBeGreaterThan(0);
  });

  it("creates the four demo accounts, the seller one running the first store", async () => {
    const demo = await rows<{ email: string; name: string; roles: string[]; password_hash: string; seller_id: string }>(
      first.db,
      sql`select email, name, roles, password_hash, seller_id from users.users
          where email like '%@bazaar.test' order by email`,
    );
    expect(demo.map(({ password_hash: _, ...rest }) => rest)).toEqual([
      { email: "admin@bazaar.test", name: "Ada Admin", roles: ["CUSTOMER", "ADMIN"], seller_id: null },
      { email: "analyst@bazaar.test", name: "Ari Analyst", roles: ["ANALYST"], seller_id: null },
      { email: "customer@bazaar.test", name: "Casey Customer", roles: ["CUSTOMER"], seller_id: null },
      { email: "seller@bazaar.test", name: "Sam Seller", roles: ["CUSTOMER", "SELLER"], seller_id: seedId("sel", 0) },
    ]);
    // The documented demo passwords sign in; generated users have none.
    for (const account of DEMO_ACCOUNTS) {
      const hash = demo.find((row) => row.email === account.email)?.password_hash ?? "";
      expect(await verifyPassword(account.password, hash)).toBe(true);
    }
    const withPassword = await one<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from users.users where password_hash is not null`,
    );
    expect(withPassword.n).toBe(DEMO_ACCOUNTS.length);
    const store = await one<{ status: string; products: number }>(
      first.db,
      sql`select s.status, (select count(*)::int from catalog.products p where p.seller_id = s.id) as products
          from sellers.sellers s join users.users u on u.id = s.user_id where u.email = 'seller@bazaar.test'`,
    );
    expect(store.status).toBe("ACTIVE");
    expect(store.products).toBeGreaterThan(20);
    const casey = await one<{ orders: number }>(
      first.db,
      sql`select count(*)::int as orders from orders.orders o join users.users u on u.id = o.user_id
          where u.email = 'customer@bazaar.test'`,
    );
    expect(casey.orders).toBeGreaterThan(0);
  });

  it("gives the analyst a read-only account that never shopped, placed after every generated user", async () => {
    const analyst = await one<{ id: string; addresses: number; orders: number; reviews: number }>(
      first.db,
      sql`select u.id,
            (select count(*)::int from users.addresses a where a.user_id = u.id) as addresses,
            (select count(*)::int from orders.orders o where o.user_id = u.id) as orders,
            (select count(*)::int from catalog.reviews r where r.author_id = u.id) as reviews
          from users.users u where u.email = 'analyst@bazaar.test'`,
    );
    expect(analyst).toEqual({ id: seedId("usr", 503), addresses: 0, orders: 0, reviews: 0 });
    // Added after the generated users, so the first generated user keeps the id it always had.
    const [firstGenerated] = await rows<{ email: string }>(
      first.db,
      sql`select email from users.users where id = ${seedId("usr", 3)}`,
    );
    expect(firstGenerated?.email).toMatch(/@example\.com$/);
  });

  it("has mostly active stores, a couple pending; only active stores' owners have the SELLER role", async () => {
    const statuses = await rows<{ status: string; n: number }>(
      first.db,
      sql`select status, count(*)::int as n from sellers.sellers group by status order by status`,
    );
    expect(statuses).toEqual([
      { status: "ACTIVE", n: 22 },
      { status: "PENDING", n: 2 },
    ]);
    const owners = await rows<{ status: string; seller: boolean; linked: boolean }>(
      first.db,
      sql`select s.status, 'SELLER' = any(u.roles) as seller, u.seller_id is not distinct from s.id as linked
          from sellers.sellers s join users.users u on u.id = s.user_id
          group by 1, 2, 3 order by 1`,
    );
    expect(owners).toEqual([
      { status: "ACTIVE", seller: true, linked: true },
      { status: "PENDING", seller: false, linked: false },
    ]);
  });
});

describe("running the seed again", () => {
  it("is refused once the database is seeded, and changes nothing", async () => {
    expect(await isSeeded(first.db)).toBe(true);
    await expect(seedDemoData(first.db, { scale: 1 })).rejects.toThrow(/already seeded/);
    const [products] = await first.db.select({ n: count() }).from(tables.products);
    expect(products?.n).toBe(2000);
  });

  it("produces identical ids and content in another database", async () => {
    const again = await seedDemoData(second.db, { scale: 1 });
    expect(again.counts).toEqual(summary.counts);
    const snapshot = async (db: Database) => ({
      users: await db
        .select({ id: tables.users.id, email: tables.users.email })
        .from(tables.users)
        .orderBy(asc(tables.users.id)),
      products: await db
        .select({ id: tables.products.id, title: tables.products.title, minPrice: tables.products.minPrice })
        .from(tables.products)
        .orderBy(asc(tables.products.id)),
      orders: await db
        .select({ id: tables.orders.id, number: tables.orders.number, total: tables.orders.total })
        .from(tables.orders)
        .orderBy(asc(tables.orders.id)),
      reviews: await db
        .select({ id: tables.reviews.id, productId: tables.reviews.productId, rating: tables.reviews.rating })
        .from(tables.reviews)
        .orderBy(asc(tables.reviews.id)),
      coPurchases: await rows(db, sql`select * from recommendations.co_purchases order by 1, 2`),
    });
    const [a, b] = [await snapshot(first.db), await snapshot(second.db)];
    expect(b.products[0]?.id).toMatch(/^prd_[0-9a-z]{26}$/);
    expect(b).toEqual(a);
  });
});
