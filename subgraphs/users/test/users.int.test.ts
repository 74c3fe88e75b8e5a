import { tables } from "@bazaar/drizzle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, signedInAs, startUsers, type UsersHarness } from "./fixtures";

let h: UsersHarness;
const userIds: string[] = [];

const entitiesQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name } } }`;
const userReps = (ids: string[]) => ids.map((id) => ({ __typename: "User", id }));

beforeAll(async () => {
  h = await startUsers();
  await insertUser(h.testDb.db, { id: "usr_ada", name: "Ada", email: "ada@example.test" });
  for (let i = 0; i < 50; i += 1) userIds.push((await insertUser(h.testDb.db)).id as string);
});

afterAll(async () => {
  await h?.stop();
});

describe("User entity", () => {
  it("resolves a reference to the public profile, and null for an unknown or malformed id", async () => {
    const res = await h.gql(entitiesQuery, { reps: userReps(["usr_ada", "usr_nobody", "usr_\u0000"]) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ _entities: [{ id: "usr_ada", name: "Ada" }, null, null] });
  });

  it("shows id and name to anyone, and private fields to no anonymous caller", async () => {
    const res = await h.gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { name email } } }`,
      {
        reps: userReps(["usr_ada"]),
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.errors?.[0]?.path).toEqual(["_entities", 0, "email"]);
  });

  it("serves me, the account and inbox mutations and nothing else at the root", async () => {
    const res = await h.gql<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } };
    }>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    expect(res.body.data?.__schema.queryType.fields.map((f) => f.name)).toEqual(["me", "_entities", "_service"]);
    expect(res.body.data?.__schema.mutationType.fields.map((f) => f.name).sort()).toEqual(
      [
        "addAddress",
        "addToWishlist",
        "login",
        "logout",
        "markAllNotificationsRead",
        "markNotificationRead",
        "refreshToken",
        "register",
        "removeAddress",
        "removeFromWishlist",
        "setDefaultAddress",
        "updateAddress",
        "updateProfile",
      ].sort(),
    );
  });

  it("resolves any number of users with one SQL statement", async () => {
    for (const n of [5, 50]) {
      h.statements.reset();
      const res = await h.gql(entitiesQuery, { reps: userReps(userIds.slice(0, n)) });
      expect(res.body.data?._entities).toHaveLength(n);
      expect(h.statements.count).toBe(1);
    }
  });

  it("costs the same number of statements for 5 or 50 users' private fields", async () => {
    const admin = await signedInAs(h, "counting-admin@example.test", ["CUSTOMER", "ADMIN"]);
    for (const id of userIds) {
      await h.testDb.db.insert(tables.addresses).values({
        id: `adr_${id}`,
        userId: id,
        name: "Home",
        line1: "1 Main St",
        city: "Berlin",
        postalCode: "10115",
        country: "DE",
        isDefault: true,
      });
      await h.testDb.db.insert(tables.wishlistItems).values([
        { userId: id, productId: "prd_one" },
        { userId: id, productId: "prd_two" },
      ]);
    }
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
      id email roles createdAt addresses { id } defaultAddress { id }
      wishlist(first: 1) { totalCount edges { node { id } } } } } }`;
    const counts: number[] = [];
    for (const n of [5, 50]) {
      h.statements.reset();
      const res = await h.gql<{ _entities: { addresses: unknown[]; wishlist: { totalCount: number } }[] }>(
        query,
        { reps: userReps(userIds.slice(0, n)) },
        admin.headers,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?._entities).toHaveLength(n);
      expect(res.body.data?._entities[n - 1]).toMatchObject({ addresses: [{}], wishlist: { totalCount: 2 } });
      counts.push(h.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
