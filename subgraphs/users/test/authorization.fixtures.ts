import { signedInAs, startUsers, type UsersHarness } from "./fixtures";

export const ALICE_ADDRESS = { name: "Alice", line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" };

/**
 * The cast of the authorization matrix: Alice owns an address and a wishlist item; Bob is another
 * customer; a seller; an admin; and anonymous (no headers).
 */
export async function startWithActors() {
  const h: UsersHarness = await startUsers();
  const alice = await signedInAs(h, "alice@example.test");
  const bob = await signedInAs(h, "bob@example.test");
  const seller = await signedInAs(h, "seller@example.test", ["CUSTOMER", "SELLER"]);
  const admin = await signedInAs(h, "admin@example.test", ["CUSTOMER", "ADMIN"]);
  const actors: Record<string, Record<string, string>> = {
    anonymous: {},
    alice: alice.headers,
    bob: bob.headers,
    seller: seller.headers,
    admin: admin.headers,
  };
  const added = await h.gql<{ addAddress: { address: { id: string } } }>(
    `mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } } }`,
    { input: ALICE_ADDRESS },
    alice.headers,
  );
  await h.gql(
    `mutation { addToWishlist(input: { productId: "prd_alices" }) { userErrors { code } } }`,
    {},
    alice.headers,
  );
  return { h, actors, aliceId: alice.user.id, aliceAddressId: added.body.data?.addAddress.address.id as string };
}
