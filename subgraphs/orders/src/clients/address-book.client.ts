import type { tables } from "@bazaar/drizzle";
import { InternalCallError, internalClient, operation } from "@bazaar/subgraph-kit";

type AddressSnapshot = tables.AddressSnapshot;

/** users owns address books; orders only copies the chosen address into an order. */
export interface AddressBookPort {
  /** The signed-in customer's address with this id, asked of users on their behalf; null if not theirs. */
  findAddress(authorization: string, addressId: string): Promise<AddressSnapshot | null>;
  close(): void;
}

const MY_ADDRESSES = operation<{ me: { addresses: (AddressSnapshot & { id: string })[] | null } | null }>(
  "query { me { addresses { id name line1 line2 city region postalCode country phone } } }",
);

/** Asks users with the customer's own token, so users' ownership rules decide, not a copy of them. */
export function httpAddressBook(options: { url: string; serviceToken?: string | undefined }): AddressBookPort {
  const client = internalClient({ service: "users", ...options });
  return {
    async findAddress(authorization, addressId) {
      const data = await client.request(MY_ADDRESSES, {}, { headers: { authorization } });
      const found = data.me?.addresses?.find((address) => address.id === addressId);
      if (!found) return null;
      const { id: _id, ...snapshot } = found;
      return snapshot;
    },
    close: () => client.close(),
  };
}

export const noAddressBook: AddressBookPort = {
  findAddress: async () => {
    throw new InternalCallError("users", "SERVICE_UNAVAILABLE", "no users URL is configured for orders");
  },
  close: () => {},
};
