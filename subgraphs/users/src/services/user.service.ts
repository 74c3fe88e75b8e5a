import type { UsersContext } from "../context";
import type { PublicUserRow } from "../db/user.queries";
import type { User } from "../schema/user.type";

export function toUser(row: PublicUserRow): User {
  return { id: row.id, name: row.name };
}

/** Entity lookups from other subgraphs (reviews' authors, orders' customers); null for unknown ids. */
export async function userReference(ctx: UsersContext, id: string): Promise<User | null> {
  const row = await ctx.loaders.publicUserById.load(id);
  return row ? toUser(row) : null;
}
