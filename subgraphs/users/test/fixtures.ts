import { generatePrivateJwk, type KeyRing, keyRingFromPrivateJwks } from "@bazaar/auth";
import { createDatabase, type Database, tables } from "@bazaar/drizzle";
import { newId, type RunningServer } from "@bazaar/subgraph-kit";
import {
  createStatementCounter,
  createTestDatabase,
  type GraphQLResponse,
  graphqlClient,
  type TestDatabase,
} from "@bazaar/testing";
import { eq } from "drizzle-orm";
import { createServer, type UsersDeps } from "../src/server";
import type { NotificationRegistry } from "../src/services/notification-registry";

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

export const PASSWORD = "correct horse battery";

/** A fresh database, a new key ring and the users subgraph over real HTTP. */
export interface UsersHarness {
  testDb: TestDatabase;
  keyRing: KeyRing;
  server: RunningServer;
  url: string;
  statements: ReturnType<typeof createStatementCounter>;
  gql: ReturnType<typeof graphqlClient>;
  /** This server's notificationAdded subscribers. */
  notificationRegistry: NotificationRegistry;
  stop(): Promise<void>;
}

/**
 * `options.testDb` shares an existing database (e.g. with a catalog server) and leaves dropping it
 * to its owner; `options.headers` go with every request (e.g. the service credential).
 */
export async function startUsers(
  overrides: Partial<UsersDeps> = {},
  options: { testDb?: TestDatabase; headers?: Record<string, string> } = {},
): Promise<UsersHarness> {
  const testDb = options.testDb ?? (await createTestDatabase());
  const statements = createStatementCounter();
  const keyRing = overrides.keyRing ?? (await keyRingFromPrivateJwks([await generatePrivateJwk()]));
  const db = createDatabase(testDb.connection, { onQuery: statements.onQuery });
  const users = await createServer({ ...overrides, db, keyRing });
  const server = await users.listen(0);
  const url = `${server.url}/graphql`;
  return {
    testDb,
    keyRing,
    server,
    url,
    statements,
    gql: graphqlClient(url, options.headers),
    notificationRegistry: users.notificationRegistry,
    async stop() {
      await server.stop();
      if (!options.testDb) await testDb.drop();
    },
  };
}

export const bearer = (token: string | null | undefined): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** Each call gets its own client address, so per-IP throttling in one test never leaks into another. */
let ipCounter = 0;
export const freshIp = () => {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

export const SESSION_FIELDS =
  "accessToken refreshToken accessTokenExpiresAt user { id name } userErrors { code field message }";

export interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; name: string };
  userErrors: { code: string; field: string[] | null; message: string }[];
}

export async function register(
  gql: UsersHarness["gql"],
  input: { name?: string; email: string; password?: string },
): Promise<Session> {
  const res: GraphQLResponse<{ register: Session }> = await gql(
    `mutation($input: RegisterInput!) { register(input: $input) { ${SESSION_FIELDS} } }`,
    { input: { name: "Test User", password: PASSWORD, ...input } },
  );
  if (!res.body.data) throw new Error(`register failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.register;
}

export type LoginPayload = Session & { retryAfterSeconds: number | null };

/** Signs in from a client address of the caller's choice (by default one nobody else uses). */
export async function login(
  gql: UsersHarness["gql"],
  email: string,
  password: string,
  ip = freshIp(),
): Promise<LoginPayload> {
  const res = await gql<{ login: LoginPayload }>(
    `mutation($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} retryAfterSeconds } }`,
    { input: { email, password } },
    { "x-bazaar-client-ip": ip },
  );
  if (!res.body.data) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.login;
}

/** Registers an account, then gives it extra roles and signs in again so the token carries them. */
export async function signedInAs(
  harness: UsersHarness,
  email: string,
  roles: string[] = ["CUSTOMER"],
): Promise<Session & { headers: Record<string, string> }> {
  const registered = await register(harness.gql, { email });
  if (registered.userErrors.length > 0) throw new Error(JSON.stringify(registered.userErrors));
  if (roles.join() === "CUSTOMER") return { ...registered, headers: bearer(registered.accessToken) };
  await harness.testDb.db.update(tables.users).set({ roles }).where(eq(tables.users.id, registered.user.id));
  const session = await login(harness.gql, email, PASSWORD);
  return { ...session, headers: bearer(session.accessToken) };
}
