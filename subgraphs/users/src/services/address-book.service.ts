import { assertUserAccess } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import type { Address } from "../schema/address.type";
import { toAddress } from "./address.service";

/** A user's addresses, default first: owner or admin only, batched across users by a loader. */
export async function userAddresses(ctx: UsersContext, userId: string): Promise<Address[]> {
  assertUserAccess(ctx, userId);
  const rows = await ctx.loaders.addressesByUserId.load(userId);
  return rows.map(toAddress);
}

export async function userDefaultAddress(ctx: UsersContext, userId: string): Promise<Address | null> {
  const addresses = await userAddresses(ctx, userId);
  return addresses.find((address) => address.isDefault) ?? null;
}
