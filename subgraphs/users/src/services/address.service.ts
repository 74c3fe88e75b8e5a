import {
  isIdLike,
  newId,
  notFound,
  type PostalAddressInput as AddressFieldsInput,
  path,
  requireViewer,
  type UserError,
  userError,
  validatePostalAddress as validateNewAddress,
  validatePostalAddressChanges as validateAddressChanges,
} from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import {
  type AddressRow,
  clearDefaultAddress,
  countAddressesOfUser,
  deleteOwnedAddress,
  findOldestAddress,
  findOwnedAddress,
  insertAddress,
  markDefaultAddress,
  updateOwnedAddress,
} from "../db/address.queries";
import { lockUser } from "../db/user.queries";
import type { Address } from "../schema/address.type";
import type { User } from "../schema/user.type";
import { requireUser } from "./user.service";

/** Enough for home, work, family and friends; bounds what one account can store. */
export const MAX_ADDRESSES = 20;

export interface AddressResult {
  address: Address | null;
  user: User | null;
  userErrors: UserError[];
}

export const toAddress = (row: AddressRow): Address => ({
  id: row.id,
  name: row.name,
  line1: row.line1,
  line2: row.line2,
  city: row.city,
  region: row.region,
  postalCode: row.postalCode,
  country: row.country,
  phone: row.phone,
  isDefault: row.isDefault,
  createdAt: row.createdAt,
});

const failed = (...userErrors: UserError[]): AddressResult => ({ address: null, user: null, userErrors });
const addressNotFound = () => userError("ADDRESS_NOT_FOUND", "No such address in your address book", path("id"));

async function succeeded(ctx: UsersContext, row: AddressRow): Promise<AddressResult> {
  ctx.loaders.addressesByUserId.clear(row.userId);
  return { address: toAddress(row), user: await requireUser(ctx, row.userId), userErrors: [] };
}

/**
 * Writes to one user's address book run in a transaction holding that user's row lock: the count
 * limit and the single default cannot be raced by parallel requests.
 */
async function withAddressBook<T>(ctx: UsersContext, userId: string, work: (tx: UsersContext["db"]) => Promise<T>) {
  return ctx.db.transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) throw notFound("User");
    return work(tx);
  });
}

export async function addAddress(ctx: UsersContext, input: AddressFieldsInput & { isDefault?: boolean | null }) {
  const { userId } = requireViewer(ctx);
  const { errors, value } = validateNewAddress(input);
  if (errors.length > 0) return failed(...errors);
  const row = await withAddressBook(ctx, userId, async (tx) => {
    const count = await countAddressesOfUser(tx, userId);
    if (count >= MAX_ADDRESSES) return undefined;
    const isDefault = count === 0 || input.isDefault === true;
    if (isDefault) await clearDefaultAddress(tx, userId);
    return insertAddress(tx, { id: newId("adr"), userId, ...value, isDefault });
  });
  if (!row)
    return failed(userError("ADDRESS_LIMIT_REACHED", `An address book holds at most ${MAX_ADDRESSES} addresses`));
  return succeeded(ctx, row);
}

export async function updateAddress(ctx: UsersContext, input: AddressFieldsInput & { id: string }) {
  const { userId } = requireViewer(ctx);
  if (!isIdLike(input.id)) return failed(addressNotFound());
  const { id, ...fields } = input;
  const { errors, value } = validateAddressChanges(fields);
  if (errors.length > 0) return failed(...errors);
  // An update without fields still answers with the address (or ADDRESS_NOT_FOUND).
  const row =
    Object.keys(value).length > 0
      ? await updateOwnedAddress(ctx.db, userId, id, value)
      : await findOwnedAddress(ctx.db, userId, id);
  return row ? succeeded(ctx, row) : failed(addressNotFound());
}

export async function setDefaultAddress(ctx: UsersContext, input: { id: string }) {
  const { userId } = requireViewer(ctx);
  if (!isIdLike(input.id)) return failed(addressNotFound());
  const row = await withAddressBook(ctx, userId, async (tx) => {
    // Checked first, so an unknown id leaves the current default in place.
    if (!(await findOwnedAddress(tx, userId, input.id))) return undefined;
    await clearDefaultAddress(tx, userId, input.id);
    return markDefaultAddress(tx, userId, input.id);
  });
  return row ? succeeded(ctx, row) : failed(addressNotFound());
}

export async function removeAddress(ctx: UsersContext, input: { id: string }) {
  const { userId } = requireViewer(ctx);
  if (!isIdLike(input.id)) return { removedAddressId: null, user: null, userErrors: [addressNotFound()] };
  const removed = await withAddressBook(ctx, userId, async (tx) => {
    const row = await deleteOwnedAddress(tx, userId, input.id);
    // The default went away: the oldest remaining address takes over, so checkout still has one.
    const successor = row?.isDefault ? await findOldestAddress(tx, userId) : undefined;
    if (successor) await markDefaultAddress(tx, userId, successor.id);
    return row;
  });
  if (!removed) return { removedAddressId: null, user: null, userErrors: [addressNotFound()] };
  ctx.loaders.addressesByUserId.clear(userId);
  return { removedAddressId: removed.id, user: await requireUser(ctx, userId), userErrors: [] };
}
