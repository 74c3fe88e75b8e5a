import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE_ADDRESS, startWithActors } from "./authorization.fixtures";
import type { UsersHarness } from "./fixtures";

/** Mutations act on the viewer's own data only; there is no way to name another user's. */
let h: UsersHarness;
let actors: Record<string, Record<string, string>> = {};
let aliceAddressId = "";

beforeAll(async () => {
  ({ h, actors, aliceAddressId } = await startWithActors());
});

afterAll(async () => {
  await h?.stop();
});

const MUTATIONS: Record<string, [string, Record<string, unknown>]> = {
  updateProfile: ["UpdateProfileInput", { name: "Changed" }],
  addAddress: ["AddAddressInput", ALICE_ADDRESS],
  updateAddress: ["UpdateAddressInput", { id: "adr_x", city: "Paris" }],
  removeAddress: ["RemoveAddressInput", { id: "adr_x" }],
  setDefaultAddress: ["SetDefaultAddressInput", { id: "adr_x" }],
  addToWishlist: ["AddToWishlistInput", { productId: "prd_x" }],
  removeFromWishlist: ["RemoveFromWishlistInput", { productId: "prd_x" }],
};

describe("mutations", () => {
  it.each(Object.keys(MUTATIONS))("%s needs a signed-in user", async (name) => {
    const [inputType, input] = MUTATIONS[name] as [string, Record<string, unknown>];
    const res = await h.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code } } }`, {
      input,
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.data).toBeNull();
  });

  it.each(["register", "login", "refreshToken", "logout"])("%s is open to anonymous callers", async (name) => {
    const inputs: Record<string, [string, Record<string, string>]> = {
      register: ["RegisterInput", { name: "New", email: "new-anon@example.test", password: "long enough password" }],
      login: ["LoginInput", { email: "nobody@example.test", password: "long enough password" }],
      refreshToken: ["RefreshTokenInput", { refreshToken: "rt_nope" }],
      logout: ["LogoutInput", { refreshToken: "rt_nope" }],
    };
    const [inputType, input] = inputs[name] as [string, Record<string, string>];
    const res = await h.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code } } }`, {
      input,
    });
    expect(res.body.errors).toBeUndefined();
  });

  it.each(["bob", "admin"])("never let %s change Alice's address through its id", async (actor) => {
    const byId = { id: aliceAddressId };
    const attempts = [
      ["updateAddress", "UpdateAddressInput", { ...byId, city: "Hijacked" }],
      ["setDefaultAddress", "SetDefaultAddressInput", byId],
      ["removeAddress", "RemoveAddressInput", byId],
    ] as const;
    for (const [name, inputType, input] of attempts) {
      const res = await h.gql(
        `mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code field } } }`,
        { input },
        actors[actor],
      );
      expect(res.body.data).toEqual({
        [name]: { userErrors: [{ code: "ADDRESS_NOT_FOUND", field: ["input", "id"] }] },
      });
    }
    await h.gql(
      `mutation { removeFromWishlist(input: { productId: "prd_alices" }) { userErrors { code } } }`,
      {},
      actors[actor],
    );
    const mine = await h.gql(
      `{ me { addresses { id city isDefault } wishlist { edges { node { id } } } } }`,
      {},
      actors.alice,
    );
    expect(mine.body.data).toEqual({
      me: {
        addresses: [{ id: aliceAddressId, city: "Berlin", isDefault: true }],
        wishlist: { edges: [{ node: { id: "prd_alices" } }] },
      },
    });
  });

  it.each(["alice", "bob", "seller", "admin"])("%s may run every one of them on their own data", async (actor) => {
    for (const [name, [inputType, input]] of Object.entries(MUTATIONS)) {
      const res = await h.gql(
        `mutation($input: ${inputType}!) { ${name}(input: $input) { userErrors { code } } }`,
        { input },
        actors[actor],
      );
      expect(res.body.errors).toBeUndefined();
    }
  });
});
