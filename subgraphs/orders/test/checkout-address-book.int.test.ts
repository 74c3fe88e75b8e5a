import { tables } from "@bazaar/drizzle";
import { graphqlClient } from "@bazaar/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertProduct } from "./catalog.fixtures";
import { ADDRESS, checkoutClient, fillCart, keyFor } from "./checkout.fixtures";
import { type OrdersHarness, orderRow, startOrders } from "./harness";

let h: OrdersHarness;
let checkout: ReturnType<typeof checkoutClient>;

beforeAll(async () => {
  h = await startOrders({ users: true });
  checkout = checkoutClient(h);
});
afterAll(() => h?.stop());

/** A customer with an account and one saved address, added through users as the storefront does. */
async function customerWithAddress() {
  const me = await h.shopper();
  await h.testDb.db.insert(tables.users).values({ id: me.userId, email: `${me.userId}@example.test`, name: "Ada" });
  const usersGql = graphqlClient(`${h.users?.url}/graphql`);
  const added = await usersGql<{ addAddress: { address: { id: string } } }>(
    `mutation($input: AddAddressInput!) { addAddress(input: $input) { address { id } userErrors { code } } }`,
    { input: { ...ADDRESS, city: "Lyon", country: "FR", postalCode: "69001" } },
    me.headers,
  );
  return { me, addressId: added.body.data?.addAddress.address.id as string };
}

describe("checkout with an address from the address book", () => {
  it("copies the customer's address into the order, asking users on the customer's behalf", async () => {
    const { me, addressId } = await customerWithAddress();
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] });
    await fillCart(h.testDb.db, me.userId, [[variantIds[0] as string, 1]]);
    const res = await checkout(me, keyFor("book"), { shippingAddressId: addressId });
    expect(res.userErrors).toEqual([]);
    expect((await orderRow(h.testDb.db, res.order?.id as string))?.shippingAddress).toMatchObject({
      city: "Lyon",
      country: "FR",
    });
  });

  it("refuses someone else's address with ADDRESS_NOT_FOUND", async () => {
    const { addressId } = await customerWithAddress();
    const thief = await customerWithAddress();
    const { variantIds } = await insertProduct(h.testDb.db, { variants: [{ stock: 3 }] });
    await fillCart(h.testDb.db, thief.me.userId, [[variantIds[0] as string, 1]]);
    const res = await checkout(thief.me, keyFor("steal"), { shippingAddressId: addressId });
    expect(res.userErrors).toEqual([
      expect.objectContaining({ code: "ADDRESS_NOT_FOUND", field: ["input", "shippingAddressId"] }),
    ]);
  });
});
