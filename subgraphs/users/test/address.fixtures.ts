import { signedInAs, type UsersHarness } from "./fixtures";

let accounts = 0;

export const HOME = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};
const ADDRESS_FIELDS = "id name line1 line2 city region postalCode country phone isDefault";
type AddressResult = {
  address: Record<string, unknown> | null;
  userErrors: { code: string; field: string[] | null }[];
};

/** A newly registered customer and their address-book mutations. */
export async function customer(h: UsersHarness) {
  accounts += 1;
  const session = await signedInAs(h, `addresses${accounts}@example.test`);
  const call = async <T = AddressResult>(
    name: string,
    inputType: string,
    input: Record<string, unknown>,
    selection = `address { ${ADDRESS_FIELDS} } userErrors { code field }`,
  ) => {
    const res = await h.gql<Record<string, T>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
      { input },
      session.headers,
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data[name] as T;
  };
  return {
    add: (input: Record<string, unknown>) => call("addAddress", "AddAddressInput", input),
    update: (input: Record<string, unknown>) => call("updateAddress", "UpdateAddressInput", input),
    setDefault: (id: string) => call("setDefaultAddress", "SetDefaultAddressInput", { id }),
    remove: (id: string) =>
      call<{ removedAddressId: string | null; userErrors: { code: string }[] }>(
        "removeAddress",
        "RemoveAddressInput",
        { id },
        "removedAddressId userErrors { code }",
      ),
    book: async () => {
      const res = await h.gql<{
        me: { addresses: { id: string; isDefault: boolean; city: string }[]; defaultAddress: { id: string } | null };
      }>(`{ me { addresses { id isDefault city } defaultAddress { id } } }`, {}, session.headers);
      return res.body.data?.me as {
        addresses: { id: string; isDefault: boolean; city: string }[];
        defaultAddress: { id: string } | null;
      };
    },
  };
}
