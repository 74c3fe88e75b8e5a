import { type Database, tables } from "@bazaar/drizzle";
import { rebuildCoPurchaseModel } from "@bazaar/recommendations";
import { hashPassword } from "@bazaar/users";
import { insertRows } from "./batch-insert";
import { generateCategories } from "./category.seed";
import { CATEGORY_TREE } from "./catalog.vocabulary";
import { writePurchaseInteractions } from "./interaction.seed";
import { writeOrderHistory } from "./order-history";
import { buildOrderWorld } from "./order-world";
import { planSeed } from "./plan";
import { generateProducts } from "./product.seed";
import { generateReviews } from "./review.seed";
import { generateSellers, type SeedSeller } from "./seller.seed";
import { DEMO_ACCOUNTS, generateUsers } from "./user.seed";
import type { SeedProduct } from "./product.seed";
import { isSeeded } from "./seeded";

export interface SeedCounts {
  users: number;
  addresses: number;
  sellers: number;
  categories: number;
  products: number;
  variants: number;
  reviews: number;
  orders: number;
  orderLines: number;
  fulfillments: number;
  interactions: number;
  coPurchases: number;
}

export interface SeedSummary {
  scale: number;
  counts: SeedCounts;
  /** Wall-clock milliseconds per phase and in total; for reports, never for assertions. */
  timings: Record<"generate" | "users" | "orders" | "catalog" | "recommendations" | "sellers" | "total", number>;
}

/**
 * Fills an empty, migrated database with a deterministic demo marketplace: the same ids and
 * content on every run, timestamps relative to now (each `*.seed.ts` generator says what it
 * makes). Refuses a database that already has sellers. Each table group is written in its own
 * transaction; stores are written last, so `isSeeded` only turns true once the rest is in place.
 */
export async function seedDemoData(db: Database, options: { scale?: number } = {}): Promise<SeedSummary> {
  if (await isSeeded(db)) {
    throw new Error("The database is already seeded (it has sellers); truncate it first, e.g. db-seed --force.");
  }
  const clock = stopwatch();
  const plan = planSeed(options.scale ?? 1);
  const categories = generateCategories();
  const users = generateUsers(plan);
  const ownerIds = users.storeOwners.map((index) => users.rows[index]?.id as string);
  const sellers = generateSellers(plan, ownerIds, CATEGORY_TREE.map((root) => root.name));
  await completeAccounts(users.rows, sellers);
  const products = generateProducts(plan, sellers, categories.leaves);
  const world = buildOrderWorld(plan, users, products, categories.leaves);
  const generate = clock.lap();

  await db.transaction(async (tx) => {
    await insertRows(tx, tables.users, users.rows);
    await insertRows(tx, tables.addresses, users.addresses);
  });
  const usersMs = clock.lap();

  const history = await writeOrderHistory(db, world);
  const ordersMs = clock.lap();

  const reviews = generateReviews(plan, users, products, history.log);
  const variants = products.flatMap((p) => p.variants);
  await db.transaction(async (tx) => {
    await insertRows(tx, tables.categories, categories.rows);
    await insertRows(tx, tables.products, products.map((p) => p.row));
    await insertRows(tx, tables.productVariants, variants);
    await insertRows(tx, tables.reviews, reviews);
  });
  const catalogMs = clock.lap();

  const interactions = await writePurchaseInteractions(db, history.log, users, products);
  const model = await rebuildCoPurchaseModel(db);
  const recommendationsMs = clock.lap();

  rateSellers(sellers, products);
  await db.transaction(async (tx) => {
    await insertRows(tx, tables.sellers, sellers.map((s) => s.row));
    // catalog's mirror of who may list (what sellers would send it through syncSellerStatus).
    const listings = sellers.map((s) => ({
      sellerId: s.row.id,
      active: s.row.status === "ACTIVE",
      updatedAt: s.row.joinedAt as Date,
    }));
    await insertRows(tx, tables.sellerListings, listings);
  });
  const sellersMs = clock.lap();

  return {
    scale: plan.scale,
    counts: {
      users: users.rows.length,
      addresses: users.addresses.length,
      sellers: sellers.length,
      categories: categories.rows.length,
      products: products.length,
      variants: variants.length,
      reviews: reviews.length,
      orders: history.orders,
      orderLines: history.lines,
      fulfillments: history.fulfillments,
      interactions,
      coPurchases: model.pairs,
    },
    timings: {
      generate,
      users: usersMs,
      orders: ordersMs,
      catalog: catalogMs,
      recommendations: recommendationsMs,
      sellers: sellersMs,
      total: clock.total(),
    },
  };
}

/** A store's rating summarises every review of its products. */
function rateSellers(sellers: SeedSeller[], products: SeedProduct[]) {
  const sums = sellers.map(() => ({ sum: 0, count: 0 }));
  for (const product of products) {
    const total = sums[product.sellerIndex];
    if (!total || product.row.ratingCount === 0) continue;
    total.sum += product.row.ratingAverage * product.row.ratingCount;
    total.count += product.row.ratingCount;
  }
  sellers.forEach((seller, i) => {
    const total = sums[i] as { sum: number; count: number };
    seller.row.ratingCount = total.count;
    seller.row.ratingAverage = total.count === 0 ? 0 : total.sum / total.count;
  });
}

function stopwatch() {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    },
    total: () => Math.round(performance.now() - start),
  };
}

/**
 * What the users service would know after sign-up and seller approval: demo passwords, and the
 * store each approved seller runs (it goes into their access tokens).
 */
async function completeAccounts(rows: (typeof tables.users.$inferInsert)[], sellers: SeedSeller[]): Promise<void> {
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  for (const demo of DEMO_ACCOUNTS) {
    const row = byEmail.get(demo.email);
    if (row) row.passwordHash = await hashPassword(demo.password);
  }
  const byUser = new Map(rows.map((row) => [row.id, row]));
  for (const seller of sellers) {
    const owner = byUser.get(seller.row.userId);
    if (!owner) continue;
    if (seller.row.status === "ACTIVE") owner.sellerId = seller.row.id;
    // An application still pending grants no seller rights yet.
    else owner.roles = (owner.roles ?? []).filter((role) => role !== "SELLER");
  }
}
