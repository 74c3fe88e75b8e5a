import { createDatabase, type Database, tables } from "@bazaar/drizzle";
import {
  createStatementCounter,
  freePort,
  type GraphQLResponse,
  graphqlClient,
  type TestDatabase,
} from "@bazaar/testing";
import { createServer } from "../src/server";

type InteractionInsert = typeof tables.interactions.$inferInsert;

const DAY_MS = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

let counter = 0;
const nextId = () => {
  counter += 1;
  return `int_test${String(counter).padStart(6, "0")}`;
};

/** One order holding the given products: a PURCHASE interaction per line, as checkout will emit. */
export async function purchase(
  db: Database,
  orderId: string,
  productIds: string[],
  options: { at?: Date; quantity?: number; userId?: string } = {},
) {
  const rows: InteractionInsert[] = productIds.map((productId) => ({
    id: nextId(),
    userId: options.userId ?? "usr_test",
    productId,
    kind: "PURCHASE",
    orderId,
    quantity: options.quantity ?? 1,
    occurredAt: options.at ?? daysAgo(1),
  }));
  await db.insert(tables.interactions).values(rows);
}

/** Any interaction, e.g. a VIEW, with defaults for what the test does not care about. */
export async function interact(db: Database, row: Partial<InteractionInsert> & Pick<InteractionInsert, "productId">) {
  await db.insert(tables.interactions).values({ id: nextId(), kind: "VIEW", occurredAt: daysAgo(1), ...row });
}

export async function coPurchaseRows(db: Database) {
  const rows = await db.select().from(tables.coPurchases);
  return rows
    .map((r) => `${r.productId}>${r.relatedProductId}:${r.orders}`)
    .sort();
}

/** The subgraph over real HTTP on a free port, its database wrapped to count statements. */
export async function startSubgraph(testDb: TestDatabase) {
  const counter = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  const server = await (await createServer({ db })).listen(await freePort());
  return { counter, server, gql: graphqlClient(`${server.url}/graphql`) };
}

export const errorCodes = (res: GraphQLResponse) => (res.body.errors ?? []).map((e) => e.extensions?.code);
