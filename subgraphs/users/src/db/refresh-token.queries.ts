import type { Database } from "@bazaar/drizzle";
import { tables } from "@bazaar/drizzle";
import { and, eq, gt, isNull, sql } from "drizzle-orm";

const { refreshTokens, refreshTokenFamilies, users } = tables;

export const insertFamily = (db: Database, id: string, userId: string) =>
  db.insert(refreshTokenFamilies).values({ id, userId });

export const insertRefreshToken = (
  db: Database,
  row: { tokenHash: string; familyId: string; userId: string; expiresAt: Date },
) => db.insert(refreshTokens).values(row);

/**
 * Marks a token used if, and only if, it is unused, unexpired and its family is not revoked: one
 * conditional UPDATE, so of any number of concurrent presentations exactly one gets a row back.
 * Returns the family and the user's current roles, which the successor's access token carries.
 */
export async function consumeRefreshToken(db: Database, tokenHash: string) {
  const rows = await db
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .from(refreshTokenFamilies)
    .innerJoin(users, eq(users.id, refreshTokenFamilies.userId))
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNull(refreshTokens.usedAt),
        gt(refreshTokens.expiresAt, sql`now()`),
        eq(refreshTokenFamilies.id, refreshTokens.familyId),
        isNull(refreshTokenFamilies.revokedAt),
      ),
    )
    .returning({ familyId: refreshTokens.familyId, userId: users.id, roles: users.roles, sellerId: users.sellerId });
  return rows[0];
}

export async function findRefreshToken(db: Database, tokenHash: string) {
  const rows = await db
    .select({ familyId: refreshTokens.familyId, usedAt: refreshTokens.usedAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return rows[0];
}

/**
 * Revokes every token of the family at once; idempotent (the first reason is kept). True when this
 * call did the revoking.
 */
export async function revokeFamily(db: Database, familyId: string, reason: "LOGOUT" | "REUSE"): Promise<boolean> {
  const rows = await db
    .update(refreshTokenFamilies)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(refreshTokenFamilies.id, familyId), isNull(refreshTokenFamilies.revokedAt)))
    .returning({ id: refreshTokenFamilies.id });
  return rows.length > 0;
}
