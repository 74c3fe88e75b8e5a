import { createStatementCounter, createTestDatabase, type GraphQLResponse, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { createDatabase } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { insertSeller } from "./fixtures";

let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  server = await (await createServer({ db })).listen(0);
  gql = graphqlClient(`${server.url}/graphql`);
  await insertSeller(testDb.db, { name: "Acme", slug: "acme", userId: "usr_acme" });
  await insertSeller(testDb.db, { name: "Pending Co", slug: "pending-co", status: "PENDING", userId: "usr_pending" });
  for (let i = 0; i < 60; i += 1) await insertSeller(testDb.db, { name: `Bulk ${String(i).padStart(2, "0")}` });
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("seller lookups", () => {
  it("finds an active seller by slug and by id", async () => {
    const bySlug = await gql<{ seller: { id: string; name: string } }>(`{ seller(slug: "acme") { id name status rating { average count } joinedAt } }`);
    expect(bySlug.body.data?.seller).toMatchObject({ name: "Acme", status: "ACTIVE", rating: { average: 4.5, count: 10 } });
    const id = bySlug.body.data?.seller.id;
    const byId = await gql(`query($id: ID!) { seller(id: $id) { slug } }`, { id });
    expect(byId.body.data).toEqual({ seller: { slug: "acme" } });
  });

  it("hides sellers that are not active", async () => {
    const res = await gql(`{ seller(slug: "pending-co") { id } }`);
    expect(res.body.data).toEqual({ seller: null });
  });

  it("needs exactly one of id or slug", async () => {
    const res = await gql(`{ seller { id } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("sellers connection", () => {
  it("visits every active seller exactly once across pages, in name order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse = await gql(
        `query($after: String) { sellers(first: 25, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data?.sellers as {
        totalCount: number;
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      expect(page.totalCount).toBe(61);
      seen.push(...page.edges.map((e) => e.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(61);
    expect(new Set(seen).size).toBe(61);
    expect(seen).toEqual([...seen].sort());
    expect(seen).not.toContain("Pending Co");
  });

  it("rejects a malformed cursor and an out-of-range page size", async () => {
    const badCursor = await gql(`{ sellers(after: "nope") { totalCount } }`);
    expect(badCursor.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await gql(`{ sellers(first: 101) { totalCount } }`);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("federation", () => {
  it("resolves Seller and User references, null for unknown ids", async () => {
    const res = await gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Seller { name } ... on User { seller { slug } } } }`,
      {
        reps: [
          { __typename: "Seller", id: "sel_unknown" },
          { __typename: "User", id: "usr_acme" },
          { __typename: "User", id: "usr_nobody" },
        ],
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ _entities: [null, { seller: { slug: "acme" } }, { seller: null }] });
  });

  it("resolves any number of sellers with one SQL statement", async () => {
    const listed = await gql<{ sellers: { edges: { node: { id: string } }[] } }>(`{ sellers(first: 50) { edges { node { id } } } }`);
    const ids = listed.body.data?.sellers.edges.map((e) => e.node.id) ?? [];
    for (const n of [5, 50]) {
      counter.reset();
      const res = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Seller { name } } }`, {
        reps: ids.slice(0, n).map((id) => ({ __typename: "Seller", id })),
      });
      expect(res.body.data?._entities).toHaveLength(n);
      expect(counter.count).toBe(1);
    }
  });
});

describe("service credential", () => {
  it("refuses callers without the shared token when one is configured, and serves those with it", async () => {
    const token = "s".repeat(40);
    const guarded = await (await createServer({ db: testDb.db, serviceToken: token })).listen(0);
    try {
      const query = `{ sellers(first: 1) { totalCount } }`;
      const anonymous = await graphqlClient(`${guarded.url}/graphql`)(query);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const wrong = await graphqlClient(`${guarded.url}/graphql`, { "x-bazaar-service-token": "t".repeat(40) })(query);
      expect(wrong.status).toBe(401);
      const service = await graphqlClient(`${guarded.url}/graphql`, { "x-bazaar-service-token": token })(query);
      expect(service.status).toBe(200);
      expect(service.body.data).toEqual({ sellers: { totalCount: 61 } });
    } finally {
      await guarded.stop();
    }
  });
});
