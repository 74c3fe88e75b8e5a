import { signAccessToken } from "@bazaar/auth";
import { newId, path, type UserError, userError } from "@bazaar/subgraph-kit";
import type { UsersContext } from "../context";
import {
  consumeRefreshToken,
  findRefreshToken,
  insertFamily,
  insertRefreshToken,
  revokeFamily,
} from "../db/refresh-token.queries";
import type { User } from "../schema/user.type";
import { isRefreshTokenShaped, newRefreshToken, REFRESH_TOKEN_TTL_MS, refreshTokenHash } from "./refresh-token.codec";
import { requireUser, rolesOf } from "./user.service";

export interface SessionResult {
  accessToken: string | null;
  refreshToken: string | null;
  accessTokenExpiresAt: Date | null;
  user: User | null;
  userErrors: UserError[];
}

export const sessionFailure = (userErrors: UserError[]): SessionResult => ({
  accessToken: null,
  refreshToken: null,
  accessTokenExpiresAt: null,
  user: null,
  userErrors,
});

const invalidRefreshToken = () =>
  userError("INVALID_REFRESH_TOKEN", "The session has expired or was ended; sign in again", path("refreshToken"));

interface Account {
  id: string;
  roles: readonly string[];
  sellerId: string | null;
}

/** Signs an access token and lets the rest of this request act as the account it was issued to. */
async function issue(ctx: UsersContext, account: Account, refreshToken: string): Promise<SessionResult> {
  const roles = rolesOf(account.roles);
  const access = await signAccessToken(ctx.keyRing, ctx.tokenConfig, {
    userId: account.id,
    roles,
    sellerId: account.sellerId,
  });
  // The payload's `user { email addresses … }` is then readable by the person who just proved who they are.
  ctx.viewer = {
    userId: account.id,
    roles,
    sellerId: account.sellerId,
    tokenId: access.tokenId,
    expiresAt: access.expiresAt,
  };
  return {
    accessToken: access.token,
    refreshToken,
    accessTokenExpiresAt: access.expiresAt,
    user: await requireUser(ctx, account.id),
    userErrors: [],
  };
}

const expiry = () => new Date(Date.now() + REFRESH_TOKEN_TTL_MS);

/** A new session (register, login): a new refresh-token family with its first member. */
export async function startSession(ctx: UsersContext, account: Account): Promise<SessionResult> {
  const familyId = newId("rtf");
  const refreshToken = newRefreshToken();
  await ctx.db.transaction(async (tx) => {
    await insertFamily(tx, familyId, account.id);
    await insertRefreshToken(tx, {
      tokenHash: refreshTokenHash(refreshToken),
      familyId,
      userId: account.id,
      expiresAt: expiry(),
    });
  });
  return issue(ctx, account, refreshToken);
}

/**
 * Rotation with reuse detection (RFC 9700 §4.14): a token works once; its successor is minted in the
 * same transaction. Presenting a token that was already used means it was copied, or raced with its
 * legitimate use: the whole family is revoked, so neither party keeps a working session.
 */
export async function refreshSession(ctx: UsersContext, presented: string): Promise<SessionResult> {
  if (!isRefreshTokenShaped(presented)) return sessionFailure([invalidRefreshToken()]);
  const tokenHash = refreshTokenHash(presented);
  const successor = newRefreshToken();
  const account = await ctx.db.transaction(async (tx) => {
    const consumed = await consumeRefreshToken(tx, tokenHash);
    if (!consumed) return undefined;
    const row = {
      tokenHash: refreshTokenHash(successor),
      familyId: consumed.familyId,
      userId: consumed.userId,
      expiresAt: expiry(),
    };
    await insertRefreshToken(tx, row);
    return { id: consumed.userId, roles: consumed.roles, sellerId: consumed.sellerId };
  });
  if (account) return issue(ctx, account, successor);

  const known = await findRefreshToken(ctx.db, tokenHash);
  if (known?.usedAt && (await revokeFamily(ctx.db, known.familyId, "REUSE"))) {
    // The family id only: never the token, which may still be in an attacker's hands.
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "refresh token reuse; family revoked",
        familyId: known.familyId,
        requestId: ctx.requestId,
      }),
    );
  }
  return sessionFailure([invalidRefreshToken()]);
}

/** Ends the session the token belongs to, whichever member of the family is presented. */
export async function endSession(
  ctx: UsersContext,
  presented: string,
): Promise<{ loggedOut: boolean; userErrors: UserError[] }> {
  const known = isRefreshTokenShaped(presented)
    ? await findRefreshToken(ctx.db, refreshTokenHash(presented))
    : undefined;
  if (!known) return { loggedOut: false, userErrors: [invalidRefreshToken()] };
  await revokeFamily(ctx.db, known.familyId, "LOGOUT");
  return { loggedOut: true, userErrors: [] };
}
