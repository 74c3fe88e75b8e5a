import { createDatabase } from "@bazaar/drizzle";
import type { RunningServer } from "@bazaar/subgraph-kit";
import { createStatementCounter, createTestDatabase, graphqlClient, type TestDatabase } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/server";
import { insertUser } from "./fixtures";

let testDb: TestDatabase;
let server: RunningServer;
const counter = createStatementCounter();
let gql: ReturnType<typeof graphqlClient>;
const userIds: string[] = [];

const entitiesQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name } } }`;
const userReps = (ids: string[]) => ids.map((id) => ({ __typename: "User", id }));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.connection, { onQuery: counter.onQuery });
  server = await (await createServer({ db })).listen(0);
  gql = graphqlClient(`${server.url}/graphql`);
  await insertUser(testDb.db, { id: "usr_ada", name: "Ada", email: "ada@example.test" });
  for (let i = 0; i < 50; i += 1) userIds.push((await insertUser(testDb.db)).id as string);
});

afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

describe("User entity", () => {
  it("resolves a reference to the public profile, and null for an unknown id", async () => {
    const res = await gql(entitiesQuery, { reps: userReps(["usr_ada", "usr_nobody"]) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ _entities: [{ id: "usr_ada", name: "Ada" }, null] });
  });

  it("exposes only id and name: private columns are not part of the type", async () => {
    const res = await gql(`{ __type(name: "User") { fields { name } } }`);
    expect(res.body.data).toEqual({ __type: { fields: [{ name: "id" }, { name: "name" }] } });
    const email = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { email } } }`, {
      reps: userReps(["usr_ada"]),
    });
    expect(email.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("adds no public root fields of its own before authentication exists", async () => {
    const res = await gql(`{ __schema { queryType { fields { name } } mutationType { name } } }`);
    expect(res.body.data).toEqual({
      __schema: { queryType: { fields: [{ name: "_entities" }, { name: "_service" }] }, mutationType: null },
    });
  });

  it("resolves any number of users with one SQL statement", async () => {
    for (const n of [5, 50]) {
      counter.reset();
      const res = await gql(entitiesQuery, { reps: userReps(userIds.slice(0, n)) });
      expect(res.body.data?._entities).toHaveLength(n);
      expect(counter.count).toBe(1);
    }
  });
});
