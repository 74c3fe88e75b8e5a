import type { Role } from "@bazaar/auth";
import { createServer as createCatalogServer } from "@bazaar/catalog";
import { createServer as createUsersServer } from "@bazaar/users";
import { createDatabase, type Database, tables } from "@bazaar/drizzle";
import { newId, type RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { eq } from "drizzle-orm";
import { SandboxPaymentProvider } from "../src/payments/sandbox.provider";
import { createServer, type OrdersDeps, type OrdersServer } from "../src/server";
import { testIdentities } from "./auth.fixtures";

export interface Shopper {
  userId: string;
  headers: Record<string, string>;
}

export interface OrdersHarness {
  testDb: TestDatabase;
  /** The orders subgraph's own database handle (statements counted). */
  db: Database;
  statements: ReturnType<typeof createStatementCounter>;
  catalog: RunningServer;
  /** Only with `users: true` (checkout from the address book). */
  users: RunningServer | null;
  server: OrdersServer;
  orders: RunningServer;
  sandbox: SandboxPaymentProvider;
  url: string;
  gql: ReturnType<typeof graphqlClient>;
  /** A signed-in user: a fresh customer by default. */
  shopper(options?: { userId?: string; roles?: Role[]; sellerId?: string | null }): Promise<Shopper>;
  stop(): Promise<void>;
}

/**
 * A fresh database with the real catalog subgraph and the orders subgraph over HTTP, sharing one
 * pool as in the all-in-one process; payments go to a sandbox the test can inspect.
 */
export async function startOrders(
  options: { deps?: Partial<OrdersDeps>; maxConnections?: number; catalog?: boolean; users?: boolean } = {},
): Promise<OrdersHarness> {
  const testDb = await createTestDatabase({ maxConnections: options.maxConnections ?? 10 });
  const identities = await testIdentities();
  const statements = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: statements.onQuery });
  // The catalog's reservation sweeper is driven by the tests (sweepExpiredReservations with a later clock).
  const catalog = await (
    await createCatalogServer({ db: createDatabase(testDb.connection), reservationSweepIntervalMs: 0 })
  ).listen(0);
  const users = options.users
    ? await (await createUsersServer({ db: createDatabase(testDb.connection), keyRing: identities.ring })).listen(0)
    : null;
  const sandbox = new SandboxPaymentProvider();
  const server = await createServer({
    db,
    verifyToken: identities.verifyToken,
    catalogUrl: options.catalog === false ? undefined : `${catalog.url}/graphql`,
    usersUrl: users ? `${users.url}/graphql` : undefined,
    paymentProvider: sandbox,
    maintenanceIntervalMs: 0,
    ...options.deps,
  });
  const orders = await server.listen(0);
  const url = `${orders.url}/graphql`;
  return {
    testDb,
    db,
    statements,
    catalog,
    users,
    server,
    orders,
    sandbox: (server.runtime.sandbox ?? sandbox) as SandboxPaymentProvider,
    url,
    gql: graphqlClient(url),
    async shopper({ userId = newId("usr"), roles = ["CUSTOMER"] as Role[], sellerId = null as string | null } = {}) {
      return { userId, headers: await identities.headers(userId, roles, sellerId) };
    },
    async stop() {
      await orders.stop();
      await users?.stop();
      await catalog.stop();
      await testDb.drop();
    },
  };
}

/** The order row as stored, for assertions on state the API does not show. */
export const orderRow = async (db: Database, id: string) =>
  (await db.select().from(tables.orders).where(eq(tables.orders.id, id)))[0];

export const count = async (
  db: Database,
  table: typeof tables.outbox | typeof tables.orders | typeof tables.payments,
) => (await db.select().from(table)).length;
