import {
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import { createServer as createCatalogServer } from "@bazaar/catalog";
import { type Connection, createDatabase, type Database, tables } from "@bazaar/drizzle";
import { createServer as createOrdersServer } from "@bazaar/orders";
import { newId } from "@bazaar/subgraph-kit";

export const VARIANTS = 200;

/** Wraps `db.transaction` to record how long each transaction held its connection (and its row locks). */
function timedTransactions(db: Database, samples: number[]): Database {
  const original = db.transaction.bind(db);
  const timed = async (...args: Parameters<Database["transaction"]>) => {
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      samples.push(performance.now() - started);
    }
  };
  return Object.assign(db, { transaction: timed as Database["transaction"] });
}

export interface CheckoutWorld {
  ordersUrl: string;
  /** Durations of catalog's transactions (stock reservations: they hold the variant row locks). */
  catalogTransactions: number[];
  /** Durations of orders' own transactions (order placement, payment bookkeeping). */
  ordersTransactions: number[];
  variantIds: string[];
  customers(n: number): Promise<{ userId: string; authorization: string }[]>;
  fillCarts(carts: { userId: string; lines: string[] }[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * catalog and orders on one database, as `npm start` runs them (one process, one pool), with a
 * catalog of VARIANTS variants in deep stock, the sandbox payment provider and no background sweeps.
 */
export async function startCheckoutWorld(connection: Connection): Promise<CheckoutWorld> {
  const catalogTransactions: number[] = [];
  const ordersTransactions: number[] = [];
  const setup = createDatabase(connection);
  const sellerId = "sel_bench";
  await setup.insert(tables.categories).values({ id: "cat_bench", name: "Bench", slug: "bench" }).onConflictDoNothing();
  await setup.insert(tables.sellerListings).values({ sellerId, active: true }).onConflictDoNothing();
  const productId = newId("prd");
  await setup.insert(tables.products).values({
    id: productId,
    sellerId,
    categoryId: "cat_bench",
    title: "Bench product",
    slug: `bench-${productId}`,
    status: "ACTIVE",
  });
  const variants = Array.from({ length: VARIANTS }, (_, i) => ({
    id: newId("var"),
    productId,
    sku: `BENCH-${productId}-${i}`,
    title: `Size ${i}`,
    price: 1000 + i,
    stock: 1_000_000,
    position: i,
  }));
  await setup.insert(tables.productVariants).values(variants);

  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  const verifyToken = localVerifier(ring);
  const catalogDb = timedTransactions(createDatabase(connection), catalogTransactions);
  const catalog = await (
    await createCatalogServer({ db: catalogDb, verifyToken, reservationSweepIntervalMs: 0 })
  ).listen(0);
  const ordersDb = timedTransactions(createDatabase(connection), ordersTransactions);
  const orders = await (
    await createOrdersServer({
      db: ordersDb,
      verifyToken,
      catalogUrl: `${catalog.url}/graphql`,
      maintenanceIntervalMs: 0,
    })
  ).listen(0);
  return {
    ordersUrl: `${orders.url}/graphql`,
    catalogTransactions,
    ordersTransactions,
    variantIds: variants.map((v) => v.id),
    async customers(n) {
      return Promise.all(
        Array.from({ length: n }, async () => {
          const userId = newId("usr");
          const { token } = await signAccessToken(ring, defaultVerifierConfig(), {
            userId,
            roles: ["CUSTOMER"],
            sellerId: null,
          });
          return { userId, authorization: `Bearer ${token}` };
        }),
      );
    },
    async fillCarts(carts) {
      const rows = carts.map((c) => ({ id: newId("crt"), userId: c.userId }));
      await setup.insert(tables.carts).values(rows);
      await setup
        .insert(tables.cartLines)
        .values(
          carts.flatMap((c, i) =>
            c.lines.map((variantId) => ({ id: newId("cln"), cartId: rows[i]?.id as string, variantId, quantity: 1 })),
          ),
        );
    },
    async stop() {
      await orders.stop();
      await catalog.stop();
    },
  };
}
