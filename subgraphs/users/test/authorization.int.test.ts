import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithActors } from "./authorization.fixtures";
import type { UsersHarness } from "./fixtures";

/**
 * Who may read and change what. A User is reachable through `_entities` from any subgraph (a
 * review's author, an order's customer), so every private field checks owner-or-admin itself.
 */
let h: UsersHarness;
let actors: Record<string, Record<string, string>> = {};
let aliceId = "";

beforeAll(async () => {
  ({ h, actors, aliceId } = await startWithActors());
});

afterAll(async () => {
  await h?.stop();
});

const PRIVATE_FIELDS = {
  email: "email",
  roles: "roles",
  addresses: "addresses { id line1 }",
  defaultAddress: "defaultAddress { id }",
  wishlist: "wishlist { totalCount edges { node { id } } }",
  createdAt: "createdAt",
};

const EXPECTED: Record<string, string> = {
  anonymous: "UNAUTHENTICATED",
  alice: "OK",
  bob: "FORBIDDEN",
  seller: "FORBIDDEN",
  admin: "OK",
};

const cases = Object.keys(PRIVATE_FIELDS).flatMap((field) =>
  Object.keys(EXPECTED).map((actor) => [field, actor] as const),
);

describe("private User fields reached through _entities", () => {
  it.each(cases)("%s of Alice, read by %s", async (field, actor) => {
    const selection = PRIVATE_FIELDS[field as keyof typeof PRIVATE_FIELDS];
    const res = await h.gql<{ _entities: (Record<string, unknown> | null)[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id ${selection} } } }`,
      { reps: [{ __typename: "User", id: aliceId }] },
      actors[actor],
    );
    const outcome = res.body.errors?.[0]?.extensions?.code ?? "OK";
    expect(outcome).toBe(EXPECTED[actor]);
    if (outcome === "OK") {
      expect(res.body.data?._entities[0]?.[field]).not.toBeNull();
    } else {
      // Nothing private leaks next to the error.
      expect(JSON.stringify(res.body.data)).not.toMatch(/alice@|Main St|prd_alices/);
    }
  });

  it("shows the public name to everyone", async () => {
    for (const actor of Object.keys(EXPECTED)) {
      const res = await h.gql(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { name } } }`,
        {
          reps: [{ __typename: "User", id: aliceId }],
        },
        actors[actor],
      );
      expect(res.body).toEqual({ data: { _entities: [{ name: "Test User" }] } });
    }
  });

  it("gives the admin the owner's actual data", async () => {
    const res = await h.gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { email addresses { line1 } wishlist { edges { node { id } } } } } }`,
      { reps: [{ __typename: "User", id: aliceId }] },
      actors.admin,
    );
    expect(res.body.data).toEqual({
      _entities: [
        {
          email: "alice@example.test",
          addresses: [{ line1: "1 Main St" }],
          wishlist: { edges: [{ node: { id: "prd_alices" } }] },
        },
      ],
    });
  });
});
