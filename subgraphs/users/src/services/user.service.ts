import { isRole, type Role } from "@bazaar/auth";
import { assertUserAccess, isIdLike, notFound } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import type { PrivateUserRow, PublicUserRow } from "../db/user.queries";
import type { User } from "../schema/user.type";

export function toUser(row: PublicUserRow): User {
  return { id: row.id, name: row.name };
}

/** Entity lookups from other subgraphs (reviews' authors, orders' customers); null for unknown ids. */
export async function userReference(ctx: UsersContext, id: string): Promise<User | null> {
  if (!isIdLike(id)) return null;
  const row = await ctx.loaders.publicUserById.load(id);
  return row ? toUser(row) : null;
}

/** The signed-in user, or null for anonymous callers (and for a token whose account is gone). */
export async function me(ctx: UsersContext): Promise<User | null> {
  return ctx.viewer ? userReference(ctx, ctx.viewer.userId) : null;
}

/** The same user as `userReference`, for payloads that must return the account they changed. */
export async function requireUser(ctx: UsersContext, id: string): Promise<User> {
  const user = await userReference(ctx, id);
  if (!user) throw notFound("User");
  return user;
}

/**
 * Private columns of a user, after the owner-or-admin check. A User can be reached through
 * `_entities` from anywhere (a review's author), so every private field goes through here.
 */
async function privateRow(ctx: UsersContext, userId: string): Promise<PrivateUserRow> {
  assertUserAccess(ctx, userId);
  const row = await ctx.loaders.privateUserById.load(userId);
  if (!row) throw notFound("User");
  return row;
}

export const userEmail = async (ctx: UsersContext, userId: string) => (await privateRow(ctx, userId)).email;

export const userCreatedAt = async (ctx: UsersContext, userId: string) => (await privateRow(ctx, userId)).createdAt;

export const rolesOf = (stored: readonly string[]): Role[] => stored.filter(isRole);

export const userRoles = async (ctx: UsersContext, userId: string) => rolesOf((await privateRow(ctx, userId)).roles);
