import { signedInAs, type UsersHarness } from "./fixtures";

let accounts = 0;

export type Page = {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
type Change = {
  product: { id: string } | null;
  user: { id: string } | null;
  userErrors: { code: string; field: string[] | null }[];
};

/** A newly registered customer and their wishlist operations. */
export function shopper(harness: UsersHarness) {
  accounts += 1;
  const session = signedInAs(harness, `wisher${accounts}@example.test`);
  const change = async (name: "addToWishlist" | "removeFromWishlist", productId: string) => {
    const { headers } = await session;
    const inputType = name === "addToWishlist" ? "AddToWishlistInput" : "RemoveFromWishlistInput";
    const res = await harness.gql<Record<string, Change>>(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { product { id } user { id } userErrors { code field } } }`,
      { input: { productId } },
      headers,
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data[name] as Change;
  };
  return {
    session,
    add: (productId: string) => change("addToWishlist", productId),
    remove: (productId: string) => change("removeFromWishlist", productId),
    page: async (first: number, after: string | null = null) => {
      const res = await harness.gql<{ me: { wishlist: Page } }>(
        `query($first: Int, $after: String) { me { wishlist(first: $first, after: $after) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { first, after },
        (await session).headers,
      );
      return res;
    },
  };
}
