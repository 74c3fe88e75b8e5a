import {
  type AccessTokenSubject,
  defaultVerifierConfig,
  generatePrivateJwk,
  keyRingFromPrivateJwks,
  localVerifier,
  signAccessToken,
} from "@bazaar/auth";
import { createDatabase, type Database, tables } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { asc, eq } from "drizzle-orm";
import { createServer } from "../src/server";

/**
 * A fresh database and a sellers subgraph on a free port, spoken to over real HTTP, verifying
 * tokens signed with `as(...)` as the router's would be. The pool is large enough for tests that
 * send many mutations at once. The server's statements are counted (`counter`); `db` writes
 * fixtures uncounted.
 */
export async function startSellers() {
  const testDb: TestDatabase = await createTestDatabase({ maxConnections: 20 });
  const ring = await keyRingFromPrivateJwks([await generatePrivateJwk()]);
  const counter = createStatementCounter();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  let server: RunningServer;
  try {
    server = await (await createServer({ db, verifyToken: localVerifier(ring) })).listen(0);
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  const url = `${server.url}/graphql`;
  let users = 0;
  const as = async (subject: Partial<AccessTokenSubject> & { userId: string }) => {
    const { token } = await signAccessToken(ring, defaultVerifierConfig(), { roles: ["CUSTOMER"], sellerId: null, ...subject });
    return graphqlClient(url, { authorization: `Bearer ${token}` });
  };
  return {
    db: testDb.db,
    counter,
    gql: graphqlClient(url),
    /** A client whose requests carry an access token for this subject (a CUSTOMER unless told). */
    as,
    /** A new signed-in customer (ids `usr_<prefix>001`, `…002`, …), with their user id. */
    async newUser(prefix: string) {
      const userId = `usr_${prefix}${String(++users).padStart(3, "0")}`;
      return { userId, gql: await as({ userId }) };
    },
    async stop() {
      await server.stop();
      await testDb.drop();
    },
  };
}
export type Sellers = Awaited<ReturnType<typeof startSellers>>;
export type Client = ReturnType<typeof graphqlClient>;

/** What sellers' outbox holds about one seller, oldest first. */
export const eventsOf = (db: Database, sellerId: string) =>
  db
    .select()
    .from(tables.sellersOutbox)
    .where(eq(tables.sellersOutbox.aggregateId, sellerId))
    .orderBy(asc(tables.sellersOutbox.createdAt), asc(tables.sellersOutbox.id));

export const sellerRow = async (db: Database, id: string) =>
  (await db.select().from(tables.sellers).where(eq(tables.sellers.id, id)))[0];

export const sellersOfUser = (db: Database, userId: string) =>
  db.select().from(tables.sellers).where(eq(tables.sellers.userId, userId));

/** A user's store as sellers resolves `User.seller` for the router. */
export const USER_SELLER = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { seller { id status rejectionReason } } } }`;

export const errorCode = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

export const APPLY = `mutation($input: ApplyAsSellerInput!) { applyAsSeller(input: $input) {
  seller { id name slug description status } userErrors { code field message } } }`;
export const APPROVE = `mutation($input: ApproveSellerInput!) { approveSeller(input: $input) {
  seller { id status rejectionReason } userErrors { code field message } } }`;
export const REJECT = `mutation($input: RejectSellerInput!) { rejectSeller(input: $input) {
  seller { id status rejectionReason } userErrors { code field message } } }`;

export interface UserErrorShape {
  code: string;
  field: string[] | null;
  message: string;
}
export interface SellerPayload {
  seller: { id: string; name?: string; slug?: string; description?: string; status: string; rejectionReason?: string | null } | null;
  userErrors: UserErrorShape[];
}

/** Runs one of the mutations above; a GraphQL error (not a user error) fails the test. */
export async function mutate(gql: Client, mutation: string, input: Record<string, unknown>): Promise<SellerPayload> {
  const res = await gql<Record<string, SellerPayload>>(mutation, { input });
  if (res.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
  const payload = Object.values(res.body.data ?? {})[0];
  if (!payload) throw new Error("no payload");
  return payload;
}
